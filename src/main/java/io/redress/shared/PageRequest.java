package io.redress.shared;

/**
 * The {@code first}/{@code after} arguments of a Relay connection, checked once: {@code first} is 1..100.
 */
public record PageRequest(int first, String after) {

	public static final int MAX_FIRST = 100;
	public static final int DEFAULT_FIRST = 20;

	public PageRequest {
		if (first < 1 || first > MAX_FIRST) {
			throw new BadRequestException("first must be between 1 and " + MAX_FIRST);
		}
		if (after != null && after.length() > 500) {
			throw new BadRequestException("after is not a cursor of this connection");
		}
	}

	public static PageRequest of(Integer first, String after) {
		return new PageRequest(first == null ? DEFAULT_FIRST : first, after);
	}

	/** One row more than asked for tells whether there is a next page without a count query. */
	public int fetchSize() {
		return first + 1;
	}
}
