package io.redress.widget;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import io.redress.brand.Brand;
import io.redress.brand.BrandStatus;
import io.redress.score.ResolutionScore;
import io.redress.score.ResolutionScoreFormula;
import io.redress.score.ScoreBoard;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** A node holds only so many live widget streams; a closed one frees its place. */
class LiveScoresTests {

	private static final Brand ACME = new Brand(1, "acme", "Acme", "https://acme.example", null, BrandStatus.VERIFIED,
			48, OffsetDateTime.parse("2026-01-01T00:00:00Z"), null);

	@Test
	void streamsBeyondTheLimitAreRefusedUntilOneCloses() {
		ScoreBoard board = mock(ScoreBoard.class);
		ResolutionScore score = ResolutionScoreFormula.score(List.of(), ACME.createdAt().toInstant());
		when(board.changes(any(), isNull())).thenReturn(Flux.never());
		when(board.of(any())).thenReturn(Mono.just(score));
		LiveScores live = new LiveScores(board, JsonMapper.builder().build(),
				new WidgetSettings(Duration.ofSeconds(60), 10, 1, "/brands/{slug}"));
		Words english = new Texts().in(Languages.ENGLISH);

		Disposable first = live.stream(ACME, "/brands/acme", Variant.CARD, english).orElseThrow().subscribe();

		assertThat(live.stream(ACME, "/brands/acme", Variant.MINI, english)).isEmpty();
		first.dispose();
		assertThat(live.stream(ACME, "/brands/acme", Variant.CARD, english)).isPresent();
	}
}
