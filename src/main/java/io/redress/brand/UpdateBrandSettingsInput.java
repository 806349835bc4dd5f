package io.redress.brand;

/** Changes a brand's settings; absent fields stay as they are. */
record UpdateBrandSettingsInput(String brandId, Integer responseTargetHours, Integer resolutionTargetDays,
		Integer followUpDays, String description, Integer firstResponseDueSoonHours, Integer resolutionDueSoonHours) {
}
