package io.redress.realtime;

/** Which events of the log a subscriber follows: one complaint, one brand, or one consumer's complaints. */
public record EventFilter(Long brandId, Long complaintId, Long consumerId) {

	/** Every event. */
	public static final EventFilter ALL = new EventFilter(null, null, null);

	public static EventFilter complaint(long complaintId) {
		return new EventFilter(null, complaintId, null);
	}

	public static EventFilter brand(long brandId) {
		return new EventFilter(brandId, null, null);
	}

	public static EventFilter consumer(long consumerId) {
		return new EventFilter(null, null, consumerId);
	}

	boolean matches(StoredEvent event) {
		return (brandId == null || brandId.equals(event.brandId()))
				&& (complaintId == null || complaintId.equals(event.complaintId()))
				&& (consumerId == null || consumerId.equals(event.consumerId()));
	}
}
