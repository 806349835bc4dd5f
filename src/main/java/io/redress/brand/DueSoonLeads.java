package io.redress.brand;

/**
 * How many hours before each target a brand hears that it is near ({@code DUE_SOON}): its own settings, read by its
 * members and moderators.
 */
record DueSoonLeads(long brandId, int firstResponseHours, int resolutionHours) {
}
