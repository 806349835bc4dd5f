package io.redress.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

/** The notification settings, and the key that signs unsubscribe links. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotificationProperties.class)
class NotificationConfiguration {

	private static final Logger log = LoggerFactory.getLogger(NotificationConfiguration.class);

	@Bean
	UnsubscribeLinks unsubscribeLinks(NotificationProperties settings, ObjectProvider<JavaMailSender> mail) {
		if (!settings.signingKey().isBlank() && settings.signingKey().length() < 32) {
			throw new IllegalStateException("redress.notifications.signing-key must be at least 32 characters");
		}
		if (settings.signingKey().isBlank() && mail.getIfAvailable() != null) {
			log.warn("redress.notifications.signing-key is not set: unsubscribe links in mails sent now stop working "
					+ "when this node restarts, and other nodes refuse them");
		}
		return UnsubscribeLinks.of(settings);
	}
}
