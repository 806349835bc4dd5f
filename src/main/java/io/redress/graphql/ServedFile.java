package io.redress.graphql;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * One file of the GraphiQL page, held in memory from start-up: its body, media type, strong ETag and extra headers.
 * Browsers revalidate on every load ({@code no-cache}) and get a bodiless 304 while the ETag still matches.
 */
record ServedFile(byte[] body, MediaType mediaType, String etag, Map<String, String> headers) {

	static final MediaType JAVASCRIPT = MediaType.parseMediaType("text/javascript;charset=UTF-8");
	static final MediaType CSS = MediaType.parseMediaType("text/css;charset=UTF-8");
	static final MediaType HTML = MediaType.parseMediaType("text/html;charset=UTF-8");

	static ServedFile of(String text, MediaType mediaType) {
		return of(text, mediaType, Map.of());
	}

	static ServedFile of(String text, MediaType mediaType, Map<String, String> headers) {
		return new ServedFile(text.getBytes(StandardCharsets.UTF_8), mediaType,
				"\"" + digest(text).substring(0, 24) + "\"", headers);
	}

	/**
	 * A file of a WebJar on the classpath, read into memory once (about 1.5 MB for all of GraphiQL's), since reading
	 * it from its jar on a request would block an event-loop thread. A WebJar version's files never change, so its
	 * coordinates make the ETag.
	 */
	static ServedFile webJar(String artifact, String path, MediaType mediaType) {
		String version = webJarVersion(artifact);
		Resource file = new ClassPathResource("META-INF/resources/webjars/" + artifact + "/" + version + "/" + path);
		try {
			return new ServedFile(file.getContentAsByteArray(), mediaType,
					"\"" + artifact + "@" + version + "/" + path + "\"", Map.of());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("GraphiQL needs " + path + " from the WebJar " + artifact + " " + version, ex);
		}
	}

	/** Our own text file on the classpath, read once. */
	static String text(String location) {
		try {
			return new ClassPathResource(location).getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(location + " is missing from the classpath", ex);
		}
	}

	static String digest(String text) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
					.digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JVM has SHA-256", ex);
		}
	}

	Mono<ServerResponse> serve(ServerRequest request) {
		return request.checkNotModified(etag).switchIfEmpty(Mono.defer(() -> ServerResponse.ok()
				.contentType(mediaType).eTag(etag).cacheControl(CacheControl.noCache())
				.headers(all -> headers.forEach(all::set)).bodyValue(body)));
	}

	/** The version of an npm WebJar on the classpath, from the Maven metadata inside its jar. */
	private static String webJarVersion(String artifact) {
		String location = "META-INF/maven/org.webjars.npm/" + artifact + "/pom.properties";
		return text(location).lines().filter(line -> line.startsWith("version="))
				.map(line -> line.substring("version=".length()).strip()).findFirst()
				.orElseThrow(() -> new IllegalStateException(location + " names no version"));
	}
}
