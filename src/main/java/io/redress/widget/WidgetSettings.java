package io.redress.widget;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the widgets.
 *
 * @param maxAge how long browsers and shared caches may keep a widget, and how long this node keeps one in memory
 * (a score change drops it at once)
 * @param cacheSize brands whose widgets one node keeps in memory
 * @param maxLiveStreams live widget streams (Server-Sent Events) one node holds; more get 503 and retry
 * @param brandPageUrl the brand's public page, {@code {slug}} replaced by the brand's slug; a path is relative to
 * this server
 */
@ConfigurationProperties("redress.widgets")
record WidgetSettings(@DefaultValue("60s") Duration maxAge, @DefaultValue("10000") int cacheSize,
		@DefaultValue("10000") int maxLiveStreams, @DefaultValue("/brands/{slug}") String brandPageUrl) {

	WidgetSettings {
		if (!brandPageUrl.contains("{slug}")) {
			throw new IllegalArgumentException("redress.widgets.brand-page-url must contain {slug}");
		}
	}

	String brandPage(String slug) {
		return brandPageUrl.replace("{slug}", slug);
	}
}
