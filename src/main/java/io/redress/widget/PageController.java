package io.redress.widget;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.redress.brand.BrandDirectory;
import io.redress.complaint.PublicCase;
import io.redress.shared.BadRequestException;
import io.redress.shared.GlobalId;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

import static io.redress.widget.Responses.PAGE_POLICY;
import static io.redress.widget.Responses.respond;

/**
 * The public pages: a brand's ({@code /brands/{slug}}), which every widget links to, and a complaint's
 * ({@code /complaints/{id}}). Anonymous, rendered on the server, cacheable like the widgets; a brand's first page is
 * kept with its widgets, so a cached page costs what a cached card does.
 */
@RestController
class PageController {

	private static final Representation BAD_REQUEST = Representation.of(
			"theme must be light or dark; after must be a cursor of this page\n", MediaType.TEXT_PLAIN);

	private final WidgetCache widgets;
	private final PublicReads reads;
	private final BrandDirectory brands;
	private final Texts texts;
	private final JsonMapper json;
	private final WidgetSettings settings;
	private final CacheControl cacheControl;
	private final Map<String, Representation> notFound = new ConcurrentHashMap<>();

	PageController(WidgetCache widgets, PublicReads reads, BrandDirectory brands, Texts texts, JsonMapper json,
			WidgetSettings settings) {
		this.widgets = widgets;
		this.reads = reads;
		this.brands = brands;
		this.texts = texts;
		this.json = json;
		this.settings = settings;
		this.cacheControl = CacheControl.maxAge(settings.maxAge()).cachePublic();
	}

	@GetMapping("/brands/{slug}")
	Mono<ResponseEntity<byte[]>> brand(@PathVariable String slug, @RequestParam(required = false) String theme,
			@RequestParam(required = false) String locale, @RequestParam(required = false) String after,
			@RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String accepted,
			ServerHttpRequest request) {
		Optional<Theme> chosen = Theme.of(theme);
		if (chosen.isEmpty() || (after != null && after.length() > 200)) {
			return Mono.just(badRequest());
		}
		Words words = texts.in(Languages.of(locale, accepted));
		String origin = origin(request);
		return widgets.widget(slug).flatMap(found -> found.map(widget -> {
			if (after == null) {
				String key = "page-" + chosen.get().key() + "-" + words.tag() + "-" + origin;
				return widget.loaded("page", () -> reads.page(widget.brand(), null)).map(data -> ok(widget.rendered(
						key, w -> BrandPage.of(json, w, data, words, chosen.get(), origin, null)), words));
			}
			return reads.page(widget.brand(), after)
					.map(data -> ok(BrandPage.of(json, widget, data, words, chosen.get(), origin, after), words));
		}).orElseGet(() -> Mono.just(missing(chosen.get(), words))))
				.onErrorResume(BadRequestException.class, ex -> Mono.just(badRequest()));
	}

	@GetMapping("/complaints/{id}")
	Mono<ResponseEntity<byte[]>> complaint(@PathVariable String id, @RequestParam(required = false) String theme,
			@RequestParam(required = false) String locale,
			@RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String accepted) {
		Optional<Theme> chosen = Theme.of(theme);
		if (chosen.isEmpty()) {
			return Mono.just(badRequest());
		}
		Words words = texts.in(Languages.of(locale, accepted));
		Optional<Long> complaintId = id.length() > 100 ? Optional.empty() : GlobalId.decode(id, PublicCase.TYPE);
		if (complaintId.isEmpty()) {
			return Mono.just(missing(chosen.get(), words));
		}
		return reads.complaint(complaintId.get())
				.flatMap(data -> brands.byId(data.complaint().brandId()).map(brand -> ok(ComplaintPage.of(data, brand,
						settings.brandPage(brand.slug()), words, chosen.get()), words)))
				.defaultIfEmpty(missing(chosen.get(), words));
	}

	/** A missing brand or complaint, and one the public may not read, get this very page. */
	private ResponseEntity<byte[]> missing(Theme theme, Words words) {
		return respond(HttpStatus.NOT_FOUND, notFound.computeIfAbsent(theme.key() + "-" + words.tag(),
				key -> ComplaintPage.notFound(words, theme)), cacheControl, PAGE_POLICY, words.locale());
	}

	private ResponseEntity<byte[]> ok(Representation page, Words words) {
		return respond(HttpStatus.OK, page, cacheControl, PAGE_POLICY, words.locale());
	}

	private static ResponseEntity<byte[]> badRequest() {
		return respond(HttpStatus.BAD_REQUEST, BAD_REQUEST, CacheControl.noStore(), PAGE_POLICY, null);
	}

	/** This server as the visitor reached it (behind a proxy, as its forwarded headers say), for absolute links. */
	private static String origin(ServerHttpRequest request) {
		return UriComponentsBuilder.fromUri(request.getURI()).replacePath(null).replaceQuery(null).fragment(null)
				.build().toUriString();
	}
}
