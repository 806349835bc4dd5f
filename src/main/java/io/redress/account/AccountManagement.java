package io.redress.account;

import io.redress.security.CurrentViewer;
import io.redress.security.Viewer;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/** The caller's own account. */
@Service
public class AccountManagement {

	private final Profiles profiles;

	AccountManagement(Profiles profiles) {
		this.profiles = profiles;
	}

	/** The signed-in caller's profile, created on their first call; empty for an anonymous caller. */
	public Mono<Profile> viewer() {
		return CurrentViewer.get().filter(Viewer::isAuthenticated).flatMap(this::profileOf);
	}

	/** The profile of a signed-in viewer, created if this is the first time the platform sees them. */
	public Mono<Profile> profileOf(Viewer viewer) {
		return profiles.ensure(viewer, Pseudonyms.next());
	}
}
