package io.redress.widget;

import java.util.List;

import io.redress.brand.Brand;
import io.redress.complaint.PublicCase;
import io.redress.score.ResolutionScore;
import io.redress.score.ScoreTier;

/**
 * Builds each widget shape as a {@link Node} tree: the one design that the iframe card, {@code embed.js} and the brand
 * page all show. Under {@link ScoreTier#MIN_RATED} ratings there is no number, only how many ratings there are.
 * Every element that carries the score has a class the browser test reads: {@code value}, {@code tier}, {@code count}.
 */
final class WidgetView {

	static final int CAROUSEL_CASES = 5;

	private WidgetView() {
	}

	static Node of(Variant variant, Brand brand, ResolutionScore score, String brandPage, List<PublicCase> cases,
			Words words) {
		return switch (variant) {
			case CARD -> card(brand, score, brandPage, words);
			case MINI -> mini(brand, score, brandPage, words);
			case MICRO -> micro(brand, score, brandPage, words);
			case CAROUSEL -> carousel(brand, score, brandPage, cases, words);
		};
	}

	static boolean rated(ResolutionScore score) {
		return score.tier() != ScoreTier.NOT_ENOUGH_DATA;
	}

	/** The sentence a screen reader reads for the widget. */
	static String summary(Brand brand, ResolutionScore score, Words words) {
		return rated(score)
				? words.get("score.summary", brand.name(), words.score(score.value()), words.tier(score.tier()),
						words.rated(score.ratedCount()))
				: words.get("score.summaryNotEnough", brand.name(), score.ratedCount(), ScoreTier.MIN_RATED);
	}

	static Node card(Brand brand, ResolutionScore score, String brandPage, Words words) {
		Node card = group("card", brand, score, words);
		card.add(Node.text("p", "name", brand.name()));
		card.add(scale(score));
		if (rated(score)) {
			card.add(Node.of("p", "score").add(Node.text("span", "value big", words.score(score.value())))
					.add(Node.text("span", "outof", words.get("score.outOf"))).add(tier(score, words)));
			card.add(Node.text("p", "interval", words.get("score.interval", words.whole(score.low()),
					words.whole(score.high()))));
			card.add(Node.text("p", "count muted", words.rated(score.ratedCount())));
		}
		else {
			card.add(notEnough(score, words));
		}
		// On the brand page itself, the card does not link to it.
		if (brandPage != null) {
			card.add(Node.of("p", null).add(link(brandPage, words.get("score.link", brand.name()))));
		}
		card.add(Node.text("p", "by muted", words.get("score.by")));
		return card;
	}

	static Node mini(Brand brand, ResolutionScore score, String brandPage, Words words) {
		Node mini = group("mini", brand, score, words);
		mini.add(Node.text("span", "mark", words.get("redress")));
		mini.add(scale(score));
		if (rated(score)) {
			mini.add(Node.of("span", "score").add(Node.text("span", "value", words.score(score.value())))
					.add(Node.text("span", "outof", words.get("score.outOf"))));
			mini.add(tier(score, words));
			mini.add(Node.text("span", "count muted", words.get("score.ratedShort", score.ratedCount())));
		}
		else {
			mini.add(notEnough(score, words).withTag("span"));
		}
		mini.add(link(brandPage, brand.name()));
		return mini;
	}

	static Node micro(Brand brand, ResolutionScore score, String brandPage, Words words) {
		Node line = link(brandPage, null);
		line.add(Node.text("span", "mark", words.get("score.name")));
		if (rated(score)) {
			line.add(Node.text("span", "value", words.score(score.value())))
					.add(Node.text("span", "outof", words.get("score.outOf")))
					.add(Node.text("span", "tier-word", words.tier(score.tier())))
					.add(Node.text("span", "count", words.get("score.ratedShort", score.ratedCount())));
		}
		else {
			line.add(notEnough(score, words).withTag("span"));
		}
		return Node.of("p", "micro").add(line);
	}

	static Node carousel(Brand brand, ResolutionScore score, String brandPage, List<PublicCase> cases, Words words) {
		Node carousel = group("carousel", brand, score, words);
		Node head = Node.of("p", "head").add(Node.text("span", "name", brand.name())).add(scale(score));
		if (rated(score)) {
			head.add(Node.text("span", "value", words.score(score.value())))
					.add(Node.text("span", "outof", words.get("score.outOf"))).add(tier(score, words))
					.add(Node.text("span", "count muted", words.get("score.ratedShort", score.ratedCount())));
		}
		else {
			head.add(notEnough(score, words).withTag("span"));
		}
		carousel.add(head);
		String heading = words.get("carousel.heading");
		carousel.add(Node.text("p", "heading", heading));
		if (cases.isEmpty()) {
			carousel.add(Node.text("p", "muted", words.get("carousel.empty")));
		}
		else {
			Node list = Node.of("ul", "cases").attr("aria-label", heading).attr("tabindex", "0");
			cases.stream().filter(found -> found.rating() != null).limit(CAROUSEL_CASES)
					.forEach(found -> list.add(slide(brand, found, words)));
			carousel.add(list);
		}
		carousel.add(Node.of("p", null).add(link(brandPage, words.get("score.link", brand.name()))));
		carousel.add(Node.text("p", "by muted", words.get("score.by")));
		return carousel;
	}

	private static Node slide(Brand brand, PublicCase found, Words words) {
		PublicCase.PublicRating rating = found.rating();
		Node slide = Node.of("li", "case");
		slide.add(stars(rating.stars(), words));
		if (rating.comment() != null && !rating.comment().isBlank()) {
			slide.add(Node.text("p", "comment", "“" + rating.comment() + "”"));
		}
		if (rating.wouldBuyAgain()) {
			slide.add(Node.text("p", "again", words.get("carousel.wouldBuyAgain")));
		}
		slide.add(Node.text("p", "muted", words.get("carousel.resolved", brand.name(), words.date(rating.ratedAt()))));
		return slide;
	}

	/** Five stars as text, read out as "4 of 5 stars". */
	static Node stars(int stars, Words words) {
		return Node.text("p", "stars", "★".repeat(stars) + "☆".repeat(5 - stars)).attr("role", "img")
				.attr("aria-label", words.get("carousel.stars", stars));
	}

	/** Five segments, as many lit in the tier's colour as the score has fifths; for sight only, the text says it. */
	static Node scale(ResolutionScore score) {
		int lit = rated(score) ? (int) Math.max(1, Math.min(5, Math.round(score.value() / 20))) : 0;
		Node scale = Node.of("span", "scale").attr("aria-hidden", "true");
		for (int segment = 0; segment < 5; segment++) {
			scale.add(Node.of("span", segment < lit ? "seg on " + score.tier().name() : "seg"));
		}
		return scale;
	}

	private static Node tier(ResolutionScore score, Words words) {
		return Node.text("span", "tier " + score.tier().name(), words.tier(score.tier()));
	}

	private static Node notEnough(ResolutionScore score, Words words) {
		return Node.text("p", "notenough count", words.get("score.notEnough", score.ratedCount(), ScoreTier.MIN_RATED));
	}

	private static Node group(String shape, Brand brand, ResolutionScore score, Words words) {
		return Node.of("div", shape).attr("role", "group").attr("aria-label", summary(brand, score, words));
	}

	private static Node link(String href, String text) {
		Node link = text == null ? Node.of("a", null) : Node.text("a", null, text);
		return link.attr("href", href).attr("target", "_blank").attr("rel", "noopener");
	}
}
