package io.redress.widget;

import java.text.NumberFormat;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import io.redress.score.ScoreTier;

import org.springframework.context.MessageSource;

/** The texts in one language, with its numbers and dates: what every widget and page writes is asked of here. */
final class Words {

	private final MessageSource messages;
	private final Locale locale;
	private final DateTimeFormatter dates;

	Words(MessageSource messages, Locale locale) {
		this.messages = messages;
		this.locale = locale;
		this.dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
	}

	Locale locale() {
		return locale;
	}

	/** The language's tag, for {@code lang} attributes and {@code Content-Language}. */
	String tag() {
		return locale.toLanguageTag();
	}

	String get(String key, Object... arguments) {
		return messages.getMessage(key, arguments, locale);
	}

	/** A score as the language writes it: one decimal ("87.5", "87,5"). */
	String score(double value) {
		NumberFormat format = NumberFormat.getNumberInstance(locale);
		format.setMinimumFractionDigits(1);
		format.setMaximumFractionDigits(1);
		return format.format(value);
	}

	/** A whole number as the language writes it. */
	String whole(double value) {
		return NumberFormat.getIntegerInstance(locale).format(Math.round(value));
	}

	String date(OffsetDateTime at) {
		return dates.format(at.atZoneSameInstant(ZoneOffset.UTC));
	}

	String tier(ScoreTier tier) {
		return get("tier." + tier.name());
	}

	String rated(int count) {
		return get("score.rated", count);
	}

	/** Hours in words: under two days in hours, beyond in days. */
	String duration(double hours) {
		return hours < 48 ? get("duration.hours", (int) Math.floor(hours)) : get("duration.days", (int) Math.round(hours / 24));
	}
}
