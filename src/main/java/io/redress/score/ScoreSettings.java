package io.redress.score;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of score keeping.
 *
 * @param refreshInterval how often each node looks for scores not yet computed today (weights age daily)
 * @param batch events applied per transaction by the score keeper
 * @param keeping whether this node keeps scores current; nodes that only serve reads may leave it to others
 */
@ConfigurationProperties("redress.score")
record ScoreSettings(@DefaultValue("1h") Duration refreshInterval, @DefaultValue("200") int batch,
		@DefaultValue("true") boolean keeping) {
}
