package io.redress.brand;

/** Registers a brand not yet on the platform; the slug is made from the name when absent. */
record RegisterBrandInput(String name, String website, String slug) {
}
