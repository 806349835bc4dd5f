package io.redress.complaint;

import io.redress.shared.AuthenticationRequiredException;
import io.redress.shared.BadRequestException;
import io.redress.shared.ForbiddenException;
import io.redress.shared.NotFoundException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /brands/{slug}/complaints.csv?from=&to=}: a brand's complaints as CSV, for its owners and managers. */
@RestController
class ComplaintExportController {

	static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

	private final ComplaintExport export;

	ComplaintExportController(ComplaintExport export) {
		this.export = export;
	}

	@GetMapping("/brands/{slug}/complaints.csv")
	Mono<ResponseEntity<Flux<String>>> complaints(@PathVariable String slug, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to) {
		return Mono.defer(() -> export.export(slug, from, to))
				.map(lines -> ResponseEntity.ok().contentType(CSV)
						.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
								.filename(slug + "-complaints.csv").build().toString())
						.header(HttpHeaders.CACHE_CONTROL, "no-store")
						.body(lines))
				.onErrorResume(AuthenticationRequiredException.class, ex -> refused(HttpStatus.UNAUTHORIZED, ex))
				.onErrorResume(ForbiddenException.class, ex -> refused(HttpStatus.FORBIDDEN, ex))
				.onErrorResume(NotFoundException.class, ex -> refused(HttpStatus.NOT_FOUND, ex))
				.onErrorResume(BadRequestException.class, ex -> refused(HttpStatus.BAD_REQUEST, ex));
	}

	private static Mono<ResponseEntity<Flux<String>>> refused(HttpStatus status, RuntimeException ex) {
		ResponseEntity.BodyBuilder response = ResponseEntity.status(status).contentType(MediaType.TEXT_PLAIN);
		if (status == HttpStatus.UNAUTHORIZED) {
			response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
		}
		return Mono.just(response.body(Flux.just(ex.getMessage() + "\n")));
	}
}
