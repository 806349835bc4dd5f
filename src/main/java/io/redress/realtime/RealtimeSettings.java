package io.redress.realtime;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the event log and its subscribers.
 *
 * @param pollInterval how often each node numbers and reads the log without a wake-up, in case a NOTIFY was lost
 * @param subscriberBuffer events held for one subscriber; one that falls further behind is closed and resumes
 * @param replayPage events read per statement while a subscriber catches up from its cursor
 * @param retention how long events are kept; older cursors cannot resume
 * @param membershipCheck how often a brand subscription re-checks that its subscriber is still a member
 */
@ConfigurationProperties("redress.realtime")
public record RealtimeSettings(@DefaultValue("1s") Duration pollInterval, @DefaultValue("512") int subscriberBuffer,
		@DefaultValue("500") int replayPage, @DefaultValue("30d") Duration retention,
		@DefaultValue("5s") Duration membershipCheck) {
}
