package io.redress.notification;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the e-mail notifications; the SMTP server itself is Spring Boot's {@code spring.mail.*}, and without
 * {@code spring.mail.host} no mail is sent (the settings still answer).
 *
 * @param enabled whether this node queues and sends mails (any number of nodes may: each mail is sent by one)
 * @param from the sender of every mail
 * @param baseUrl this server's public address, for the unsubscribe links
 * @param complaintUrl the page of a complaint in the web app; {@code {id}} is the complaint's global id
 * @param claimUrl the page where a brand claims its place on Redress; {@code {slug}} is the brand's slug
 * @param signingKey the secret that signs unsubscribe links (at least 32 characters); without it, a random one per
 *        start, so links stop working after a restart
 * @param batch events, or mails, handled per transaction
 * @param sendInterval how often a node looks for mails to send
 * @param digestInterval a digest goes out at most this often, gathering what waited up to as long
 * @param reminderBefore how long before a proposal is accepted on the consumer's behalf they are reminded
 * @param invitationInterval the least time between two invitations to one unclaimed brand
 * @param maxAttempts tries per mail before it is given up (each failure waits longer)
 * @param claimTimeout how long a node holds mails it is sending before another may take them
 * @param senders mails one node hands to the SMTP server at once (Jakarta Mail blocks a thread per mail)
 */
@ConfigurationProperties("redress.notifications")
record NotificationProperties(@DefaultValue("true") boolean enabled,
		@DefaultValue("Redress <notifications@localhost>") String from,
		@DefaultValue("http://localhost:8080") String baseUrl,
		@DefaultValue("http://localhost:5173/complaints/{id}") String complaintUrl,
		@DefaultValue("http://localhost:5173/brands/{slug}/claim") String claimUrl,
		@DefaultValue("") String signingKey, @DefaultValue("100") int batch,
		@DefaultValue("5s") Duration sendInterval, @DefaultValue("1h") Duration digestInterval,
		@DefaultValue("2d") Duration reminderBefore, @DefaultValue("7d") Duration invitationInterval,
		@DefaultValue("8") int maxAttempts, @DefaultValue("2m") Duration claimTimeout,
		@DefaultValue("4") int senders) {
}
