package io.redress.webhook;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Signatures a Standard Webhooks library accepts: the specification's own test vector, and rotation. */
class WebhookSignaturesTests {

	// The test vector published with the Standard Webhooks reference implementations.
	private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
	private static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
	private static final long TIMESTAMP = 1614265330;
	private static final String BODY = "{\"test\": 2432232314}";

	@Test
	void signsTheSpecificationsTestVectorExactly() {
		assertThat(WebhookSignatures.sign(SECRET, ID, TIMESTAMP, BODY))
				.isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
	}

	@Test
	void aNewSecretIsWhsecAndThirtyTwoRandomBytes() {
		String secret = WebhookSignatures.newSecret();

		assertThat(secret).startsWith("whsec_");
		assertThat(Base64.getDecoder().decode(secret.substring(6))).hasSize(32);
		assertThat(WebhookSignatures.newSecret()).isNotEqualTo(secret);
	}

	@Test
	void duringARotationEitherSecretVerifiesTheSameDelivery() {
		String next = WebhookSignatures.newSecret();
		String old = WebhookSignatures.newSecret();
		long now = Instant.now().getEpochSecond();
		String header = WebhookSignatures.header(List.of(next, old), "p1", now, BODY);
		Map<String, String> headers = Map.of("webhook-id", "p1", "webhook-timestamp", Long.toString(now),
				"webhook-signature", header);

		assertThat(header.split(" ")).hasSize(2).allMatch(signature -> signature.startsWith("v1,"));
		assertThat(new StandardWebhooksVerifier(next).verifies(headers, BODY)).isTrue();
		assertThat(new StandardWebhooksVerifier(old).verifies(headers, BODY)).isTrue();
		assertThat(new StandardWebhooksVerifier(WebhookSignatures.newSecret()).verifies(headers, BODY)).isFalse();
		assertThat(new StandardWebhooksVerifier(next).verifies(headers, BODY + " ")).as("a changed body").isFalse();
	}
}
