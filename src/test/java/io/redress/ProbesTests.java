package io.redress;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpMethod;

/** Under /actuator the server answers exactly the two probes, over HTTP as a load balancer or kubelet asks. */
class ProbesTests extends ApiTest {

	@Test
	void livenessIsServed() {
		http().get().uri("/actuator/health/liveness").exchange().expectStatus().isOk()
				.expectBody().jsonPath("$.status").isEqualTo("UP");
	}

	@Test
	void readinessIsServedAndIncludesTheDatabase() {
		http().get().uri("/actuator/health/readiness").exchange().expectStatus().isOk()
				.expectBody().jsonPath("$.status").isEqualTo("UP")
				.jsonPath("$.components.r2dbc.status").isEqualTo("UP")
				.jsonPath("$.components.readinessState.status").isEqualTo("UP");
	}

	@Test
	void nothingElseUnderActuatorExists() {
		List<String> others = List.of("/actuator", "/actuator/", "/actuator/health", "/actuator/health/",
				"/actuator/health/r2dbc", "/actuator/health/readiness/r2dbc", "/actuator/health/liveness/livenessState",
				"/actuator/health/db", "/actuator/info", "/actuator/env", "/actuator/beans", "/actuator/configprops");
		for (String path : others) {
			http().get().uri(path).exchange().expectStatus().isNotFound().expectBody().isEmpty();
		}
	}

	@Test
	void probesAnswerOnlyGet() {
		http().method(HttpMethod.POST).uri("/actuator/health/readiness").exchange().expectStatus().isNotFound();
	}

	@Test
	void aTokenDoesNotMatterToTheProbes() {
		http().get().uri("/actuator/health/liveness").headers(headers -> headers.setBearerAuth("not-a-jwt"))
				.exchange().expectStatus().isOk();
	}
}
