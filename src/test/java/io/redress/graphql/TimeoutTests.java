package io.redress.graphql;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.TransactionTimedOutException;
import org.springframework.transaction.reactive.TransactionalOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Timeouts stop the work, not only the answer: with a table locked by another session, mutations that need it are
 * stopped by the database's lock timeout, rolled back and answered TIMEOUT (HTTP 504), nothing they started commits
 * later, and requests that never touch the table are answered meanwhile. The limits are ordered as the defaults are
 * (lock, then statement, then request), only shorter, in their own context so the shared one keeps the defaults.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"redress.graphql.timeout=4s", "redress.database.statement-timeout=3s", "redress.database.lock-timeout=2s",
		"redress.database.transaction-slots=3", "redress.database.slot-wait=1s", "spring.r2dbc.pool.max-size=6",
		"spring.r2dbc.pool.max-acquire-time=1s" })
class TimeoutTests extends LockedTableTest {

	private static final int SLOTS = 3;

	/** More mutations at once than there are transaction slots, and than there are pooled connections. */
	private static final int AT_ONCE = 12;

	@Autowired
	private TransactionalOperator transactions;

	@Test
	void mutationsBlockedByALockedTableAreRolledBackAndAnsweredTimeoutWhileOtherQueriesAreAnswered() throws Exception {
		List<Answer> answers;
		try (Connection locker = lockComplaints()) {
			CompletableFuture<List<Answer>> posts = Flux.range(0, AT_ONCE)
					.flatMap(i -> post("Any news? " + i, "key-" + i), AT_ONCE).collectList().toFuture();
			// Once as many statements wait for the table as there are transaction slots (the score keeper's may be
			// among them), further changes wait for a slot without a connection; a query that never touches the
			// table still finds one.
			eventually(LockedTableTest::waitingForComplaints, waiting -> waiting >= SLOTS);
			Answer brandAnswer = brandQuery().block(Duration.ofSeconds(30));
			answers = posts.get(30, TimeUnit.SECONDS);

			assertThat(brandAnswer.status().value()).isEqualTo(200);
			assertThat(brandAnswer.body()).contains("\"slug\":\"" + brand + "\"").doesNotContain("\"errors\"");
			// Nothing still waits for the table while it is locked, so nothing can go on to commit once it is free.
			assertThat(changesWaitingForComplaints()).isZero();
			locker.rollback();
		}

		assertThat(answers).hasSize(AT_ONCE).allSatisfy(answer -> {
			assertThat(answer.status().value()).isEqualTo(504);
			assertThat(answer.body()).contains("\"classification\":\"TIMEOUT\"").contains("nothing was saved");
		});
		assertThat(messages()).isZero();
		assertThat(messagePostedEvents()).isZero();

		Answer retry = post("Any news? 0", "key-0").block(Duration.ofSeconds(30));
		assertThat(retry.status().value()).isEqualTo(200);
		assertThat(retry.body()).contains("\"userErrors\":[]");
		assertThat(messages()).isOne();
		assertThat(messagePostedEvents()).isOne();
	}

	@Test
	void aTransactionStillWorkingAtTheRequestsDeadlineIsRolledBack() {
		RequestDeadline deadline = RequestDeadline.after(Duration.ofMillis(500));
		Mono<Long> slowWork = insertSystemMessage("written, then too slow").delayElement(Duration.ofSeconds(2));

		Mono<Long> stopped = transactions.transactional(slowWork).contextWrite(deadline::putIn);

		assertThat(stopped.map(Object.class::cast).onErrorResume(Mono::just).block(Duration.ofSeconds(10)))
				.isInstanceOf(TransactionTimedOutException.class);
		assertThat(messages()).isZero();
	}

	@Test
	void theSameWorkFinishedBeforeTheDeadlineCommits() {
		RequestDeadline deadline = RequestDeadline.after(Duration.ofSeconds(5));

		Mono<Long> work = transactions.transactional(insertSystemMessage("written in time"))
				.contextWrite(deadline::putIn);

		assertThat(work.block(Duration.ofSeconds(10))).isOne();
		assertThat(messages()).isOne();
	}

	/** Spring's transactional operator rolls back when its subscriber goes away (a cancel), as on a lost client. */
	@Test
	void aTransactionWhoseSubscriberGoesAwayIsRolledBack() {
		Disposable abandoned = transactions.transactional(insertSystemMessage("written, then abandoned")
				.then(Mono.never())).subscribe();
		eventually(() -> complaintLockedByAnotherTransaction(), locked -> locked);

		abandoned.dispose();

		eventually(() -> complaintLockedByAnotherTransaction(), locked -> !locked);
		assertThat(messages()).isZero();
	}

	/** The message's insert holds a key-share lock on its complaint's row until its transaction ends either way. */
	private boolean complaintLockedByAnotherTransaction() {
		return db.sql("""
				SELECT NOT EXISTS (SELECT 1 FROM complaints WHERE id = :id FOR UPDATE SKIP LOCKED) AS locked""")
				.bind("id", complaintKey()).map(row -> row.get("locked", Boolean.class)).one().block();
	}

	private Mono<Long> insertSystemMessage(String body) {
		return db.sql("""
				INSERT INTO messages (complaint_id, brand_id, author_kind, visibility, body)
				SELECT id, brand_id, 'SYSTEM', 'PUBLIC', :body FROM complaints WHERE id = :id""")
				.bind("id", complaintKey()).bind("body", body).fetch().rowsUpdated();
	}
}
