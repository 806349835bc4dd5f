package io.redress.brand;

/** Changes a brand's settings; absent fields stay as they are. */
record UpdateBrandSettingsInput(String brandId, Integer responseTargetHours, String description) {
}
