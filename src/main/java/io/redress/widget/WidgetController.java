package io.redress.widget;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.redress.complaint.PublicCase;
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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static io.redress.widget.Responses.WIDGET_POLICY;
import static io.redress.widget.Responses.open;
import static io.redress.widget.Responses.respond;

/**
 * The widget endpoints: anonymous, read-only, cacheable, open to every origin without credentials, each in the
 * language {@code ?locale=} names or the browser prefers. Requests are served from {@link WidgetCache}; nothing here
 * computes a score.
 */
@RestController
class WidgetController {

	// Answers to strangers' requests are made once, not per request.
	private static final Representation NOT_ON_REDRESS = Representation.of(
			"{\"error\":\"This brand is not on Redress\"}", MediaType.APPLICATION_JSON);
	private static final Representation BAD_REQUEST = Representation.of(
			"theme must be light or dark; variant card, mini, micro or carousel\n", MediaType.TEXT_PLAIN);

	private final WidgetCache widgets;
	private final EmbedScript embedScript;
	private final LiveScores live;
	private final PublicReads reads;
	private final BadgeImage images;
	private final Texts texts;
	private final JsonMapper json;
	private final CacheControl cacheControl;
	private final Map<String, Representation> unknown = new ConcurrentHashMap<>();

	WidgetController(WidgetCache widgets, EmbedScript embedScript, LiveScores live, PublicReads reads,
			BadgeImage images, Texts texts, JsonMapper json, WidgetSettings settings) {
		this.widgets = widgets;
		this.embedScript = embedScript;
		this.live = live;
		this.reads = reads;
		this.images = images;
		this.texts = texts;
		this.json = json;
		this.cacheControl = CacheControl.maxAge(settings.maxAge()).cachePublic();
	}

	@GetMapping("/widgets/embed.js")
	ResponseEntity<byte[]> embed() {
		return respond(HttpStatus.OK, embedScript.script(), CacheControl.maxAge(Duration.ofHours(1)).cachePublic(),
				WIDGET_POLICY, null);
	}

	@GetMapping("/widgets/{slug}/badge.svg")
	Mono<ResponseEntity<byte[]>> badge(@PathVariable String slug, @RequestParam(required = false) String theme,
			@RequestParam(required = false) String locale,
			@RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String accepted) {
		Optional<Theme> chosen = Theme.of(theme);
		if (chosen.isEmpty()) {
			return Mono.just(badRequest());
		}
		Words words = texts.in(Languages.of(locale, accepted));
		String key = "badge-" + chosen.get().key() + "-" + words.tag();
		return widgets.widget(slug).map(found -> found
				.map(widget -> ok(widget.rendered(key, w -> Badge.of(w, chosen.get(), words)), words))
				.orElseGet(() -> notFound(unknown.computeIfAbsent(key, k -> Badge.unknown(chosen.get(), words)),
						words)));
	}

	/** The badge as a picture for link previews (Open Graph, Twitter), which take no SVG. */
	@GetMapping("/widgets/{slug}/badge.png")
	Mono<ResponseEntity<byte[]>> picture(@PathVariable String slug, @RequestParam(required = false) String locale,
			@RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String accepted) {
		Words words = texts.in(Languages.of(locale, accepted));
		return widgets.widget(slug).flatMap(found -> found
				.map(widget -> widget.loaded("png-" + words.tag(), () -> images.of(widget, words))
						.map(picture -> ok(picture, words)))
				.orElseGet(() -> Mono.just(notFound(NOT_ON_REDRESS, null))));
	}

	@GetMapping("/widgets/{slug}")
	Mono<ResponseEntity<byte[]>> card(@PathVariable String slug, @RequestParam(required = false) String theme,
			@RequestParam(required = false) String variant, @RequestParam(required = false) String locale,
			@RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String accepted) {
		Optional<Theme> chosen = Theme.of(theme);
		Optional<Variant> shape = Variant.of(variant);
		if (chosen.isEmpty() || shape.isEmpty()) {
			return Mono.just(badRequest());
		}
		Words words = texts.in(Languages.of(locale, accepted));
		String key = "card-" + shape.get().key() + "-" + chosen.get().key() + "-" + words.tag();
		return widgets.widget(slug).flatMap(found -> found
				.map(widget -> cases(widget, shape.get()).map(cases -> ok(widget.rendered(key,
						w -> Card.of(view(w, shape.get(), cases, words), chosen.get(),
								WidgetView.summary(w.brand(), w.score(), words), words)), words)))
				.orElseGet(() -> Mono.just(notFound(unknown.computeIfAbsent(key,
						k -> Card.unknown(chosen.get(), words)), words))));
	}

	@GetMapping("/widgets/{slug}/score.json")
	Mono<ResponseEntity<byte[]>> score(@PathVariable String slug, @RequestParam(required = false) String variant,
			@RequestParam(required = false) String locale,
			@RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String accepted) {
		Optional<Variant> shape = Variant.of(variant);
		if (shape.isEmpty()) {
			return Mono.just(badRequest());
		}
		Words words = texts.in(Languages.of(locale, accepted));
		String key = "json-" + shape.get().key() + "-" + words.tag();
		return widgets.widget(slug).flatMap(found -> found
				.map(widget -> cases(widget, shape.get()).map(cases -> ok(widget.rendered(key,
						w -> Representation.of(json.writeValueAsString(ScoreDocument.of(w.brand(), w.brandPage(),
								w.score(), words, view(w, shape.get(), cases, words))), MediaType.APPLICATION_JSON)),
						words)))
				.orElseGet(() -> Mono.just(notFound(NOT_ON_REDRESS, null))));
	}

	@GetMapping(path = "/widgets/{slug}/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	Mono<ResponseEntity<Flux<ServerSentEvent<String>>>> live(@PathVariable String slug,
			@RequestParam(required = false) String variant, @RequestParam(required = false) String locale,
			@RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String accepted) {
		Variant shape = Variant.of(variant).orElse(Variant.CARD);
		Words words = texts.in(Languages.of(locale, accepted));
		return widgets.widget(slug).map(found -> found
				.map(widget -> live.stream(widget.brand(), widget.brandPage(), shape, words)
						.map(stream -> open(HttpStatus.OK).cacheControl(CacheControl.noStore()).body(stream))
						.orElseGet(() -> open(HttpStatus.SERVICE_UNAVAILABLE)
								.header(HttpHeaders.RETRY_AFTER, "30").body(Flux.empty())))
				.orElseGet(() -> open(HttpStatus.NOT_FOUND).body(Flux.empty())));
	}

	/** The carousel's cases, read once per cached widget; no other shape shows any. */
	private Mono<List<PublicCase>> cases(BrandWidget widget, Variant shape) {
		return shape == Variant.CAROUSEL ? widget.loaded("cases", () -> reads.carousel(widget.brand()))
				: Mono.just(List.of());
	}

	private static Node view(BrandWidget widget, Variant shape, List<PublicCase> cases, Words words) {
		return WidgetView.of(shape, widget.brand(), widget.score(), widget.brandPage(), cases, words);
	}

	private ResponseEntity<byte[]> ok(Representation representation, Words words) {
		return respond(HttpStatus.OK, representation, cacheControl, WIDGET_POLICY, words.locale());
	}

	private ResponseEntity<byte[]> notFound(Representation representation, Words words) {
		return respond(HttpStatus.NOT_FOUND, representation, cacheControl, WIDGET_POLICY,
				words == null ? null : words.locale());
	}

	private static ResponseEntity<byte[]> badRequest() {
		return respond(HttpStatus.BAD_REQUEST, BAD_REQUEST, CacheControl.noStore(), WIDGET_POLICY, (Locale) null);
	}
}
