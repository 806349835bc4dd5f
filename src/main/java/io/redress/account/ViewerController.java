package io.redress.account;

import io.redress.shared.GlobalId;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Maps {@code viewer} onto {@link AccountManagement}. */
@Controller
class ViewerController {

	private final AccountManagement accounts;

	ViewerController(AccountManagement accounts) {
		this.accounts = accounts;
	}

	@QueryMapping
	Mono<Profile> viewer() {
		return accounts.viewer();
	}

	@SchemaMapping(typeName = "Viewer")
	String id(Profile profile) {
		return GlobalId.encode(Profile.TYPE, profile.id());
	}
}
