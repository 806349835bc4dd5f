package io.redress.widget;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

import io.redress.score.ResolutionScore;
import io.redress.score.ScoreTier;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * The badge as a PNG picture for link previews, which take no SVG: drawn with Java2D, headless, on a small scheduler
 * of its own (drawing and encoding block a thread for some milliseconds, never an event loop), once per brand, score
 * and language.
 */
@Component
class BadgeImage implements DisposableBean {

	private final Scheduler drawing = Schedulers.newBoundedElastic(2, 256, "badge-image");

	Mono<Representation> of(BrandWidget widget, Words words) {
		return Mono.fromCallable(() -> draw(widget, words)).subscribeOn(drawing);
	}

	private static Representation draw(BrandWidget widget, Words words) {
		int width = SearchMarkup.IMAGE_WIDTH;
		int height = SearchMarkup.IMAGE_HEIGHT;
		ResolutionScore score = widget.score();
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
			g.setColor(Color.WHITE);
			g.fillRect(0, 0, width, height);
			Color tier = Color.decode(Markup.tierColour(score.tier()));
			g.setColor(tier);
			g.fillRect(0, 0, width, 24);
			g.setColor(new Color(0x1f2328));
			g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 64));
			g.drawString(fit(g, widget.brand().name(), width - 160), 80, 150);
			int lit = WidgetView.rated(score) ? (int) Math.max(1, Math.min(5, Math.round(score.value() / 20))) : 0;
			for (int segment = 0; segment < 5; segment++) {
				g.setColor(segment < lit ? tier : new Color(0xd0d7de));
				g.fillRoundRect(80 + segment * 120, 200, 108, 28, 8, 8);
			}
			g.setColor(new Color(0x1f2328));
			if (WidgetView.rated(score)) {
				g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 150));
				String value = words.score(score.value());
				g.drawString(value, 72, 410);
				int after = 72 + g.getFontMetrics().stringWidth(value) + 28;
				g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 48));
				g.setColor(new Color(0x59636e));
				g.drawString(words.get("score.outOf"), after, 410);
				g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 44));
				String tierLabel = words.tier(score.tier());
				int pill = g.getFontMetrics().stringWidth(tierLabel) + 48;
				g.setColor(tier);
				g.fillRoundRect(80, 450, pill, 70, 16, 16);
				g.setColor(Color.WHITE);
				g.drawString(tierLabel, 104, 501);
				g.setColor(new Color(0x59636e));
				g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 40));
				g.drawString(words.rated(score.ratedCount()), 80 + pill + 32, 501);
			}
			else {
				g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 60));
				g.drawString(fit(g, words.get("score.notEnough", score.ratedCount(),
						ScoreTier.MIN_RATED), width - 160), 80, 400);
			}
			g.setColor(new Color(0x59636e));
			g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 34));
			g.drawString(words.get("score.by"), 80, 590);
		}
		finally {
			g.dispose();
		}
		ByteArrayOutputStream png = new ByteArrayOutputStream(32 * 1024);
		try {
			ImageIO.write(image, "png", png);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return Representation.of(png.toByteArray(), MediaType.IMAGE_PNG);
	}

	/** The text, shortened with an ellipsis until it fits {@code width} pixels. */
	private static String fit(Graphics2D g, String text, int width) {
		String shown = text;
		while (shown.length() > 1 && g.getFontMetrics().stringWidth(shown) > width) {
			shown = shown.substring(0, shown.length() - 2) + "…";
		}
		return shown;
	}

	@Override
	public void destroy() {
		drawing.dispose();
	}
}
