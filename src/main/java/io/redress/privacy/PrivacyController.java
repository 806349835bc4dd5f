package io.redress.privacy;

import io.redress.account.Profile;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Maps {@code eraseAccount} and {@code Viewer.dataExport} onto the privacy services. */
@Controller
class PrivacyController {

	private final AccountErasure erasure;
	private final DataExport export;

	PrivacyController(AccountErasure erasure, DataExport export) {
		this.erasure = erasure;
		this.export = export;
	}

	@MutationMapping
	Mono<EraseAccountPayload> eraseAccount(@Argument EraseAccountInput input) {
		return erasure.erase(input);
	}

	@SchemaMapping(typeName = "Viewer")
	Mono<String> dataExport(Profile viewer) {
		return export.of(viewer);
	}
}
