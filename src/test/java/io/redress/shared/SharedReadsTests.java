package io.redress.shared;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

import org.springframework.dao.QueryTimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

class SharedReadsTests {

	private final SharedReads<String, String> reads = new SharedReads<>(Duration.ofSeconds(30));

	/** Each read sent, in order; the test answers them by hand. */
	private final List<Sinks.One<String>> sent = new ArrayList<>();

	private final Supplier<Mono<String>> statement = () -> {
		Sinks.One<String> answer = Sinks.one();
		sent.add(answer);
		return answer.asMono();
	};

	@Test
	void aReadAloneIsSentAtOnce() {
		StepVerifier.create(reads.read("feed", statement))
				.then(() -> assertThat(sent).hasSize(1))
				.then(() -> sent.get(0).tryEmitValue("page"))
				.expectNext("page")
				.verifyComplete();
		assertThat(reads.running()).isZero();
	}

	@Test
	void requestsArrivingWhileAReadRunsShareTheNextOneSentAfterThemAll() {
		List<String> answers = new ArrayList<>();
		reads.read("feed", statement).subscribe(answers::add);
		for (int i = 0; i < 5; i++) {
			reads.read("feed", statement).subscribe(answers::add);
		}
		assertThat(sent).hasSize(1);

		sent.get(0).tryEmitValue("before");
		assertThat(answers).containsExactly("before");
		assertThat(sent).hasSize(2);

		sent.get(1).tryEmitValue("after");
		assertThat(answers).containsExactly("before", "after", "after", "after", "after", "after");
		assertThat(sent).hasSize(2);
		assertThat(reads.running()).isZero();
	}

	@Test
	void differentKeysDoNotWaitForEachOther() {
		reads.read("feed", statement).subscribe();
		reads.read("brand-1", statement).subscribe();

		assertThat(sent).hasSize(2);
	}

	@Test
	void aFailedReadFailsOnlyItsOwnRequestsAndTheNextStillRuns() {
		Mono<String> first = reads.read("feed", statement).cache();
		first.subscribe(value -> { }, error -> { });
		Mono<String> second = reads.read("feed", statement).cache();
		second.subscribe(value -> { }, error -> { });

		sent.get(0).tryEmitError(new IllegalStateException("connection lost"));
		sent.get(1).tryEmitValue("page");

		StepVerifier.create(first).expectErrorMessage("connection lost").verify();
		StepVerifier.create(second).expectNext("page").verifyComplete();
	}

	@Test
	void aRequestThatGoesAwayLeavesTheReadToTheOthers() {
		Disposable leaving = reads.read("feed", statement).subscribe();
		List<String> staying = new ArrayList<>();
		reads.read("feed", statement).subscribe(staying::add);
		reads.read("feed", statement).subscribe().dispose();

		leaving.dispose();
		sent.get(0).tryEmitValue("first");
		sent.get(1).tryEmitValue("second");

		assertThat(staying).containsExactly("second");
		assertThat(sent).hasSize(2);
		assertThat(reads.running()).isZero();
	}

	@Test
	void anEmptyReadAnswersEveryRequestWithNothing() {
		List<String> answers = new ArrayList<>();
		reads.read("nothing", statement).subscribe(answers::add);
		sent.get(0).tryEmitEmpty();

		assertThat(answers).isEmpty();
		assertThat(reads.running()).isZero();
	}

	@Test
	void aStuckReadIsGivenUpSoItsKeysLaterRequestsGetTheirOwn() {
		SharedReads<String, String> impatient = new SharedReads<>(Duration.ofMillis(100));
		Mono<String> stuck = impatient.read("feed", statement);
		List<String> later = new ArrayList<>();

		StepVerifier.create(stuck)
				.then(() -> impatient.read("feed", statement).subscribe(later::add))
				.expectError(QueryTimeoutException.class)
				.verify(Duration.ofSeconds(10));
		assertThat(sent).hasSize(2);
		sent.get(1).tryEmitValue("page");

		assertThat(later).containsExactly("page");
		assertThat(impatient.running()).isZero();
	}
}
