package io.redress.realtime;

/** Who may read an event, mirroring who may read the content it is about. */
public enum Visibility {

	/** Everyone, with text masked for non-participants. */
	PUBLIC,
	/** The consumer, the brand's members and moderators. */
	PARTICIPANTS,
	/** The brand's members and moderators only (internal brand work such as an assignment). */
	BRAND,
	/** Nobody: a fact for the modules that follow the log (a first response, say), never delivered to subscribers. */
	SYSTEM,
	/** Only the person the event is addressed to, the profile in its consumer id (a ruling on their flag, say). */
	ADDRESSEE;

	/**
	 * The visibility a stored event was written with. One this node does not know (written by a newer node during a
	 * rolling deploy) is read as {@link #SYSTEM}: never delivered, rather than failing the whole tail.
	 */
	static Visibility stored(String name) {
		for (Visibility visibility : values()) {
			if (visibility.name().equals(name)) {
				return visibility;
			}
		}
		return SYSTEM;
	}
}
