package io.redress.brand;

import java.time.OffsetDateTime;

/** A reply a brand's team saved to post again; its body may hold {consumerName} and {brandName}. */
public record SavedReply(long id, long brandId, String title, String body, OffsetDateTime createdAt) {

	public static final String TYPE = "SavedReply";
}
