package io.redress.brand;

/** A brand the viewer belongs to, and the role they hold in it. */
record BrandMembership(Brand brand, BrandRole role) {
}
