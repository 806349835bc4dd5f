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

	/**
	 * The viewer's profile, locked until the caller's transaction ends, so nothing changes it meanwhile; empty when
	 * the viewer never used Redress (no profile is created).
	 */
	public Mono<Profile> lockedProfileOf(Viewer viewer) {
		return profiles.lock(viewer);
	}

	/**
	 * Erases a profile inside the caller's transaction: its subject goes (a later token with that subject starts a new,
	 * empty profile) and its public name becomes {@link Profile#ERASED_NAME}. The row stays for what points at it.
	 */
	public Mono<Void> erase(Profile profile) {
		return profiles.erase(profile.id(), Profile.ERASED_NAME);
	}
}
