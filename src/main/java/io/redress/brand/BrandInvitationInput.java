package io.redress.brand;

/** Accepts or declines the viewer's own invitation to a brand's team. */
record BrandInvitationInput(String brandId) {
}
