package io.redress;

import org.junit.jupiter.api.Test;

class SmokeTests extends ApiTest {

	@Test
	void anonymousCallerReadsTheBrandDirectory() {
		anonymous().document("{ brands(first: 1) { pageInfo { hasNextPage } } }").execute()
				.path("brands.pageInfo.hasNextPage").hasValue();
	}

	@Test
	void signedInCallerIsTheirViewer() {
		as("smoke-user").document("{ viewer { subject } }").execute()
				.path("viewer.subject").entity(String.class).isEqualTo("smoke-user");
	}
}
