package io.redress.notification;

import java.util.Optional;

import reactor.core.publisher.Mono;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.util.HtmlUtils;

/**
 * The unsubscribe link of every mail. A {@code POST} stops the mails at once: what mail clients send for RFC 8058's
 * one-click unsubscribe ({@code List-Unsubscribe=One-Click}), and the page's button. A {@code GET} (a person
 * following the link, or a scanner checking it) only shows that button, so nothing is stopped by a mere visit.
 */
@Configuration(proxyBeanMethods = false)
class UnsubscribeEndpoint {

	private static final MediaType HTML = MediaType.parseMediaType("text/html;charset=UTF-8");

	@Bean
	RouterFunction<ServerResponse> unsubscribeRoutes(UnsubscribeLinks links, NotificationPreferences preferences) {
		return RouterFunctions.route()
				.GET(UnsubscribeLinks.PATH, request -> target(links, request)
						.map(target -> page(HttpStatus.OK, "Stop these mails?", "<form method=\"post\" action=\"?token="
								+ HtmlUtils.htmlEscape(request.queryParam("token").orElse("")) + "\">"
								+ "<button type=\"submit\">Unsubscribe</button></form>"))
						.orElseGet(UnsubscribeEndpoint::invalid))
				.POST(UnsubscribeLinks.PATH, request -> target(links, request)
						.map(target -> preferences.unsubscribe(target).then(page(HttpStatus.OK, "You are unsubscribed",
								"<p>" + (target.invitedEmail() != null
										? "Redress will send no more invitations to this address."
										: target.kind() == null ? "Redress will send you no more mails."
												: "Redress will send you no more mails of this kind.")
										+ "</p>")))
						.orElseGet(UnsubscribeEndpoint::invalid))
				.build();
	}

	private static Optional<UnsubscribeLinks.Target> target(UnsubscribeLinks links, ServerRequest request) {
		return request.queryParam("token").flatMap(links::read);
	}

	private static Mono<ServerResponse> invalid() {
		return page(HttpStatus.BAD_REQUEST, "This link is not valid", "<p>Use the link of the mail as it came.</p>");
	}

	private static Mono<ServerResponse> page(HttpStatus status, String title, String body) {
		return ServerResponse.status(status).contentType(HTML).cacheControl(CacheControl.noStore())
				.header("Content-Security-Policy", "default-src 'none'; form-action 'self'")
				.bodyValue("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + title + "</title></head>"
						+ "<body><h1>" + title + "</h1>" + body + "</body></html>");
	}
}
