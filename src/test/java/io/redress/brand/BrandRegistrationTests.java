package io.redress.brand;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.redress.ApiTest;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

class BrandRegistrationTests extends ApiTest {

	private static final String BRANDS_NAMED = "SELECT count(*) FROM brands WHERE lower(name) = lower(:slug)";

	@Test
	void signedInUserRegistersBrandAndBecomesItsUnverifiedOwner() {
		String slug = unique("reg");
		String subject = unique("founder");
		GraphQlTester.Response response = as(subject).documentName("registerBrand")
				.variable("input", Map.of("name", "  " + slug + " ", "website", "https://www." + slug + ".example/shop"))
				.execute();

		response.path("registerBrand.userErrors").entityList(Object.class).hasSize(0)
				.path("registerBrand.brand.slug").entity(String.class).isEqualTo(slug)
				.path("registerBrand.brand.name").entity(String.class).isEqualTo(slug)
				.path("registerBrand.brand.website").entity(String.class).isEqualTo("https://www." + slug + ".example")
				.path("registerBrand.brand.status").entity(String.class).isEqualTo("UNVERIFIED")
				.path("registerBrand.brand.verified").entity(Boolean.class).isEqualTo(false)
				.path("registerBrand.brand.claimed").entity(Boolean.class).isEqualTo(true)
				.path("registerBrand.brand.viewerRole").entity(String.class).isEqualTo("OWNER")
				.path("registerBrand.brand.members[0].subject").entity(String.class).isEqualTo(subject);
	}

	@Test
	void brandAlreadyOnPlatformByNameOrWebsitePointsToClaimBrand() {
		String slug = unique("dup");
		registerBrand(unique("first"), slug);

		register(as(unique("second")), Map.of("name", slug.toUpperCase(), "website", unique("other") + ".example"))
				.path("registerBrand.brand").valueIsNull()
				.path("registerBrand.userErrors[0].field").entity(String.class).isEqualTo("name")
				.path("registerBrand.userErrors[0].code").entity(String.class).isEqualTo("ALREADY_ON_PLATFORM")
				.path("registerBrand.userErrors[0].message").entity(String.class)
				.satisfies(message -> assertThat(message).contains("claimBrand"));

		register(as(unique("third")), Map.of("name", unique("newname"), "website", "http://www." + slug + ".example"))
				.path("registerBrand.userErrors[0].field").entity(String.class).isEqualTo("website")
				.path("registerBrand.userErrors[0].code").entity(String.class).isEqualTo("ALREADY_ON_PLATFORM");
	}

	@Test
	void takenSlugIsAUserError() {
		String slug = unique("slug");
		registerBrand(unique("first"), slug);

		register(as(unique("second")), Map.of("name", unique("name"), "website", unique("site") + ".example", "slug", slug))
				.path("registerBrand.userErrors[0].field").entity(String.class).isEqualTo("slug")
				.path("registerBrand.userErrors[0].code").entity(String.class).isEqualTo("TAKEN");
	}

	@Test
	void badInputIsReportedFieldByFieldAndChangesNothing() {
		String name = unique("bad");
		register(as(unique("user")), Map.of("name", name, "website", "not a website", "slug", "Not A Slug"))
				.path("registerBrand.brand").valueIsNull()
				.path("registerBrand.userErrors[*].field").entityList(String.class).containsExactly("website", "slug")
				.path("registerBrand.userErrors[*].code").entityList(String.class).containsExactly("INVALID", "INVALID");

		register(as(unique("user")), Map.of("name", "   ", "website", ""))
				.path("registerBrand.userErrors[*].code").entityList(String.class).containsExactly("BLANK", "BLANK");

		register(as(unique("user")), Map.of("name", "x".repeat(101), "website", unique("long") + ".example"))
				.path("registerBrand.userErrors[0].code").entity(String.class).isEqualTo("TOO_LONG");

		register(as(unique("user")), Map.of("name", "Bell\u0007Co", "website", unique("bell") + ".example"))
				.path("registerBrand.userErrors[0].code").entity(String.class).isEqualTo("INVALID");

		register(as(unique("user")), Map.of("name", name, "website", "ftp://" + name + ".example"))
				.path("registerBrand.userErrors[0].field").entity(String.class).isEqualTo("website");

		assertThat(new BrandFixtures(db).count(BRANDS_NAMED, name)).isZero();
	}

	@Test
	void anonymousCallerCannotRegister() {
		String name = unique("anon");
		register(anonymous(), Map.of("name", name, "website", name + ".example"))
				.errors().expect(error -> error.getErrorType() == ErrorType.UNAUTHORIZED).verify();
		assertThat(new BrandFixtures(db).count(BRANDS_NAMED, name)).isZero();
	}

	@Test
	void concurrentRegistrationsOfOneBrandCreateExactlyOne() {
		String name = unique("race");
		List<Boolean> created = Flux.range(0, 8)
				.flatMap(i -> Mono.fromCallable(() -> register(as(unique("racer")),
						Map.of("name", name, "website", name + ".example"))
						.path("registerBrand.brand").entity(Object.class).get() != null)
						.onErrorReturn(false)
						.subscribeOn(Schedulers.boundedElastic()))
				.collectList().block(Duration.ofSeconds(60));

		assertThat(created).filteredOn(Boolean::booleanValue).hasSize(1);
		assertThat(new BrandFixtures(db).count(BRANDS_NAMED, name)).isEqualTo(1);
	}

	private static GraphQlTester.Response register(GraphQlTester tester, Map<String, String> input) {
		return tester.documentName("registerBrand").variable("input", input).execute();
	}
}
