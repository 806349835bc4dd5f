package io.redress.notification;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

/** A person's stored notification settings: the token's address as last seen, the one they chose, their kinds. */
record Recipient(String subject, String tokenEmail, String chosenEmail, boolean digest, Set<String> optedIn,
		Set<String> optedOut) {

	Recipient {
		optedIn = Set.copyOf(optedIn);
		optedOut = Set.copyOf(optedOut);
	}

	/** Someone Redress knows nothing of yet: the defaults. */
	static Recipient unknown(String subject) {
		return new Recipient(subject, null, null, false, Set.of(), Set.of());
	}

	String email() {
		return chosenEmail != null ? chosenEmail : tokenEmail;
	}

	Recipient with(NotificationKind kind, boolean enabled) {
		Set<String> in = new TreeSet<>(optedIn);
		Set<String> out = new TreeSet<>(optedOut);
		if (enabled) {
			in.add(kind.name());
			out.remove(kind.name());
		}
		else {
			in.remove(kind.name());
			out.add(kind.name());
		}
		return new Recipient(subject, tokenEmail, chosenEmail, digest, in, out);
	}

	NotificationSettings settings() {
		return new NotificationSettings(email(), chosenEmail == null && tokenEmail != null, digest,
				NotificationKind.preferences().stream()
						.map(kind -> new NotificationSettings.Preference(kind, kind.wanted(optedIn, optedOut)))
						.toList());
	}

	static Set<String> names(String[] kinds) {
		return kinds == null ? Set.of() : Set.copyOf(Arrays.asList(kinds));
	}
}
