package io.redress.graphql;

import java.sql.Connection;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the database's own limits are longer than the request's, the request's deadline still stops the work in the
 * database: its transaction limits its statements to the time left, so a mutation waiting on a locked table is
 * stopped there at the deadline, rolled back, and answered TIMEOUT (HTTP 504) with nothing saved.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"redress.graphql.timeout=3s", "redress.database.statement-timeout=30s", "redress.database.lock-timeout=30s" })
class RequestDeadlineTests extends LockedTableTest {

	@Test
	void aMutationWaitingOnALockedTableIsStoppedInTheDatabaseAtTheDeadline() throws Exception {
		Answer answer;
		try (Connection locker = lockComplaints()) {
			answer = post("Any news?", "deadline-1").block(Duration.ofSeconds(30));

			// The lock is still held: the statement no longer waits for it, so it cannot commit once the lock goes.
			assertThat(changesWaitingForComplaints()).isZero();
			locker.rollback();
		}

		assertThat(answer.status().value()).isEqualTo(504);
		assertThat(answer.body()).contains("\"classification\":\"TIMEOUT\"").contains("nothing was saved");
		assertThat(messages()).isZero();
		assertThat(messagePostedEvents()).isZero();

		Answer retry = post("Any news?", "deadline-1").block(Duration.ofSeconds(30));
		assertThat(retry.body()).contains("\"userErrors\":[]");
		assertThat(messages()).isOne();
	}

	/**
	 * Work outside a transaction is bounded by the database's own limits only; set longer than the request's, as
	 * here, a query still waiting is answered by the backstop two seconds after the deadline, and says it was stopped.
	 */
	@Test
	void aQueryStillWaitingPastTheDeadlineIsAnsweredTimeout() throws Exception {
		Answer answer;
		try (Connection locker = lockComplaints()) {
			answer = complaintQuery().block(Duration.ofSeconds(30));
			locker.rollback();
		}

		assertThat(answer.status().value()).isEqualTo(504);
		assertThat(answer.body()).contains("\"classification\":\"TIMEOUT\"")
				.contains("The operation took longer than 3 s and was stopped");
	}
}
