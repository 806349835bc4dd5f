package io.redress.widget;

import java.util.Locale;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * How widgets and public pages answer: cacheable by browsers and shared caches (a strong ETag answers a matching
 * {@code If-None-Match} with 304), open to every origin without credentials, never a cookie, never a script.
 */
final class Responses {

	/** No script ever runs in a widget document (a card, or a badge opened on its own), and any page may frame one. */
	static final String WIDGET_POLICY = "default-src 'none'; style-src 'unsafe-inline'; "
			+ "base-uri 'none'; form-action 'none'; frame-ancestors *";

	/** The public pages: the same, and nobody frames them. */
	static final String PAGE_POLICY = "default-src 'none'; style-src 'unsafe-inline'; "
			+ "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

	private Responses() {
	}

	/** Spring answers a GET whose If-None-Match matches the ETag with 304 and these headers, without the body. */
	static ResponseEntity<byte[]> respond(HttpStatus status, Representation representation, CacheControl cacheControl,
			String policy, Locale language) {
		ResponseEntity.BodyBuilder builder = open(status).cacheControl(cacheControl).eTag(representation.etag())
				.header("Content-Security-Policy", policy).contentType(representation.mediaType());
		if (language != null) {
			// The language may come from Accept-Language, so caches keep one copy per language header.
			builder.header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE)
					.header(HttpHeaders.CONTENT_LANGUAGE, language.toLanguageTag());
		}
		return builder.body(representation.body());
	}

	/** Any page may read a widget, without credentials; pages that isolate themselves may still embed it. */
	static ResponseEntity.BodyBuilder open(HttpStatus status) {
		return ResponseEntity.status(status).header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*")
				.header("Cross-Origin-Resource-Policy", "cross-origin");
	}
}
