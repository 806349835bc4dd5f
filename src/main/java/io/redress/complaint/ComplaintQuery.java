package io.redress.complaint;

import java.time.OffsetDateTime;

/** What a feed asks for: each filter is optional; the keyset position says where the page starts. */
record ComplaintQuery(Long brandId, Long consumerId, ComplaintStatus status, ComplaintCategory category,
		String titlePattern, OffsetDateTime afterTime, long afterId) {
}
