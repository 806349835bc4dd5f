package io.redress.widget;

import java.time.Duration;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The widget endpoints: anonymous, read-only, cacheable by browsers and shared caches (a strong ETag answers a
 * matching {@code If-None-Match} with 304), open to every origin without credentials. Requests are served from
 * {@link WidgetCache}; nothing here computes a score.
 */
@RestController
class WidgetController {

	/** No script ever runs in a widget document (a card, or a badge opened on its own), and any page may frame one. */
	static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; "
			+ "base-uri 'none'; form-action 'none'; frame-ancestors *";

	// Answers to strangers' requests are made once, not per request.
	private static final Representation NOT_ON_REDRESS = Representation.of(
			"{\"error\":\"This brand is not on Redress\"}", MediaType.APPLICATION_JSON);
	private static final Representation UNKNOWN_THEME = Representation.of("theme must be light or dark\n",
			MediaType.TEXT_PLAIN);

	private final WidgetCache widgets;
	private final EmbedScript embedScript;
	private final LiveScores live;
	private final JsonMapper json;
	private final CacheControl cacheControl;

	WidgetController(WidgetCache widgets, EmbedScript embedScript, LiveScores live, JsonMapper json,
			WidgetSettings settings) {
		this.widgets = widgets;
		this.embedScript = embedScript;
		this.live = live;
		this.json = json;
		this.cacheControl = CacheControl.maxAge(settings.maxAge()).cachePublic();
	}

	@GetMapping("/widgets/embed.js")
	ResponseEntity<byte[]> embed() {
		return respond(HttpStatus.OK, embedScript.script(), CacheControl.maxAge(Duration.ofHours(1)).cachePublic());
	}

	@GetMapping("/widgets/{slug}/badge.svg")
	Mono<ResponseEntity<byte[]>> badge(@PathVariable String slug, @RequestParam(required = false) String theme) {
		return themed(slug, theme, (widget, chosen) -> widget.rendered("badge-" + chosen,
				found -> Badge.of(found, chosen)), Badge::unknown);
	}

	@GetMapping("/widgets/{slug}")
	Mono<ResponseEntity<byte[]>> card(@PathVariable String slug, @RequestParam(required = false) String theme) {
		return themed(slug, theme, (widget, chosen) -> widget.rendered("card-" + chosen,
				found -> Card.of(found, chosen)), Card::unknown);
	}

	@GetMapping("/widgets/{slug}/score.json")
	Mono<ResponseEntity<byte[]>> score(@PathVariable String slug) {
		return widgets.widget(slug).map(found -> found
				.map(widget -> respond(HttpStatus.OK, widget.rendered("json", this::document), cacheControl))
				.orElseGet(() -> respond(HttpStatus.NOT_FOUND, NOT_ON_REDRESS, cacheControl)));
	}

	@GetMapping(path = "/widgets/{slug}/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	Mono<ResponseEntity<Flux<ServerSentEvent<String>>>> live(@PathVariable String slug) {
		return widgets.widget(slug).map(found -> found
				.map(widget -> live.stream(widget.brand(), widget.brandPage())
						.map(stream -> open(HttpStatus.OK).cacheControl(CacheControl.noStore()).body(stream))
						.orElseGet(() -> open(HttpStatus.SERVICE_UNAVAILABLE)
								.header(HttpHeaders.RETRY_AFTER, "30").body(Flux.empty())))
				.orElseGet(() -> open(HttpStatus.NOT_FOUND).body(Flux.empty())));
	}

	private Mono<ResponseEntity<byte[]>> themed(String slug, String theme,
			BiFunction<BrandWidget, Theme, Representation> render, Function<Theme, Representation> unknown) {
		Optional<Theme> chosen = Theme.of(theme);
		if (chosen.isEmpty()) {
			return Mono.just(respond(HttpStatus.BAD_REQUEST, UNKNOWN_THEME, CacheControl.noStore()));
		}
		return widgets.widget(slug).map(found -> found
				.map(widget -> respond(HttpStatus.OK, render.apply(widget, chosen.get()), cacheControl))
				.orElseGet(() -> respond(HttpStatus.NOT_FOUND, unknown.apply(chosen.get()), cacheControl)));
	}

	private Representation document(BrandWidget widget) {
		return Representation.of(json.writeValueAsString(ScoreDocument.of(widget.brand(), widget.brandPage(),
				widget.score())), MediaType.APPLICATION_JSON);
	}

	/** Spring answers a GET whose If-None-Match matches the ETag with 304 and these headers, without the body. */
	private static ResponseEntity<byte[]> respond(HttpStatus status, Representation representation,
			CacheControl cacheControl) {
		return open(status).cacheControl(cacheControl).eTag(representation.etag())
				.header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
				.contentType(representation.mediaType()).body(representation.body());
	}

	/** Any page may read a widget, without credentials; pages that isolate themselves may still embed it. */
	private static ResponseEntity.BodyBuilder open(HttpStatus status) {
		return ResponseEntity.status(status).header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*")
				.header("Cross-Origin-Resource-Policy", "cross-origin");
	}
}
