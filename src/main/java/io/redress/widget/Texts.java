package io.redress.widget;

import java.util.Locale;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

/**
 * The widgets' and pages' texts, from the resource bundles {@code widget/messages*.properties} (one per language, read
 * once): every text a visitor reads comes from there, formatted for their language.
 */
@Component
class Texts {

	private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

	Texts() {
		messages.setBasename("widget/messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		// Every text goes through MessageFormat, so apostrophes are written the same way ('') in all of them.
		messages.setAlwaysUseMessageFormat(true);
	}

	/** The texts in one language. */
	Words in(Locale locale) {
		return new Words(messages, locale);
	}
}
