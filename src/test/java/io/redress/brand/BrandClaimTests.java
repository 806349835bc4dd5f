package io.redress.brand;

import java.util.Map;

import io.redress.ApiTest;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

class BrandClaimTests extends ApiTest {

	private static final String OWNERS = """
			SELECT count(*) FROM brand_members m JOIN brands b ON b.id = m.brand_id
			WHERE b.slug = :slug AND m.role = 'OWNER'""";

	@Test
	void moderatorApprovesTheOnlyPendingClaimAndTheClaimantBecomesOwner() {
		String slug = unique("claimed");
		String brandId = fixtures().unclaimed(slug);
		String claimant = unique("rep");

		claim(as(claimant), brandId, "I run their support desk")
				.path("claimBrand.userErrors").entityList(Object.class).hasSize(0)
				.path("claimBrand.claim.status").entity(String.class).isEqualTo("PENDING")
				.path("claimBrand.claim.claimant").entity(String.class).isEqualTo(claimant);

		verify(as("mod"), Map.of("brandId", brandId))
				.path("verifyBrandClaim.userErrors").entityList(Object.class).hasSize(0)
				.path("verifyBrandClaim.brand.status").entity(String.class).isEqualTo("VERIFIED")
				.path("verifyBrandClaim.brand.verifiedAt").hasValue()
				.path("verifyBrandClaim.brand.members[0].subject").entity(String.class).isEqualTo(claimant)
				.path("verifyBrandClaim.brand.members[0].role").entity(String.class).isEqualTo("OWNER")
				.path("verifyBrandClaim.brand.claims[0].status").entity(String.class).isEqualTo("APPROVED");
	}

	@Test
	void moderatorNamesOneOfSeveralClaimsAndTheOthersAreTurnedDown() {
		String slug = unique("contested");
		String brandId = fixtures().unclaimed(slug);
		String winner = unique("winner");
		String winningClaim = claim(as(winner), brandId, "Head of support")
				.path("claimBrand.claim.id").entity(String.class).get();
		claim(as(unique("loser")), brandId, "Trust me");

		verify(as("mod"), Map.of("brandId", brandId))
				.path("verifyBrandClaim.brand").valueIsNull()
				.path("verifyBrandClaim.userErrors[0].code").entity(String.class).isEqualTo("CLAIM_REQUIRED");

		verify(as("mod"), Map.of("brandId", brandId, "claimId", winningClaim))
				.path("verifyBrandClaim.brand.members[*].subject").entityList(String.class).containsExactly(winner)
				.path("verifyBrandClaim.brand.claims[*].status").entityList(String.class)
				.contains("APPROVED", "REJECTED").hasSize(2);
	}

	@Test
	void moderatorVerifiesARegisteredBrandOnce() {
		String slug = unique("selfreg");
		String brandId = registerBrand(unique("owner"), slug);

		verify(as("mod"), Map.of("brandId", brandId))
				.path("verifyBrandClaim.brand.status").entity(String.class).isEqualTo("VERIFIED");
		verify(as("admin"), Map.of("brandId", brandId))
				.path("verifyBrandClaim.userErrors[0].code").entity(String.class).isEqualTo("NOTHING_TO_VERIFY");
	}

	@Test
	void onlyModeratorsVerify() {
		String slug = unique("notyours");
		String brandId = fixtures().unclaimed(slug);
		String claimant = unique("rep");
		claim(as(claimant), brandId, "It is mine");

		for (GraphQlTester caller : new GraphQlTester[] { as(claimant), as(unique("stranger")) }) {
			verify(caller, Map.of("brandId", brandId)).errors()
					.expect(error -> error.getErrorType() == ErrorType.FORBIDDEN).verify();
		}
		verify(anonymous(), Map.of("brandId", brandId)).errors()
				.expect(error -> error.getErrorType() == ErrorType.UNAUTHORIZED).verify();
		assertThat(fixtures().count(OWNERS, slug)).isZero();
	}

	@Test
	void ownedBrandCannotBeClaimed() {
		String brandId = registerBrand(unique("owner"), unique("owned"));

		claim(as(unique("squatter")), brandId, "Give it to me")
				.path("claimBrand.claim").valueIsNull()
				.path("claimBrand.userErrors[0].code").entity(String.class).isEqualTo("ALREADY_CLAIMED");
	}

	@Test
	void claimantHasOnePendingClaimPerBrand() {
		String brandId = fixtures().unclaimed(unique("twice"));
		String claimant = unique("eager");
		claim(as(claimant), brandId, "First");

		claim(as(claimant), brandId, "Second")
				.path("claimBrand.userErrors[0].code").entity(String.class).isEqualTo("CLAIM_PENDING");
	}

	@Test
	void claimNeedsEvidenceAndAnExistingBrand() {
		String brandId = fixtures().unclaimed(unique("evidence"));

		claim(as(unique("rep")), brandId, " ")
				.path("claimBrand.userErrors[0].field").entity(String.class).isEqualTo("evidence")
				.path("claimBrand.userErrors[0].code").entity(String.class).isEqualTo("BLANK");
		claim(as(unique("rep")), brandId, "x".repeat(2001))
				.path("claimBrand.userErrors[0].code").entity(String.class).isEqualTo("TOO_LONG");
		claim(as(unique("rep")), "QnJhbmQ6OTk5OTk5OTk5", "Evidence").errors()
				.expect(error -> error.getErrorType() == ErrorType.NOT_FOUND).verify();
		claim(as(unique("rep")), "garbage", "Evidence").errors()
				.expect(error -> error.getErrorType() == ErrorType.NOT_FOUND).verify();
	}

	@Test
	void claimsAreSeenByModeratorsAndByTheirClaimantOnly() {
		String slug = unique("private");
		String brandId = fixtures().unclaimed(slug);
		String claimant = unique("rep");
		claim(as(claimant), brandId, "Evidence");

		as("mod").documentName("brandTeam").variable("slug", slug).execute()
				.path("brand.claims[*].claimant").entityList(String.class).containsExactly(claimant);
		as(claimant).documentName("brandTeam").variable("slug", slug).execute()
				.path("brand.claims[*].claimant").entityList(String.class).containsExactly(claimant);
		as(unique("other")).documentName("brandTeam").variable("slug", slug).execute()
				.path("brand.claims").entityList(Object.class).hasSize(0);
		anonymous().documentName("brandTeam").variable("slug", slug).execute()
				.path("brand.claims").entityList(Object.class).hasSize(0);
	}

	private BrandFixtures fixtures() {
		return new BrandFixtures(db);
	}

	private static GraphQlTester.Response claim(GraphQlTester tester, String brandId, String evidence) {
		return tester.documentName("claimBrand")
				.variable("input", Map.of("brandId", brandId, "evidence", evidence)).execute();
	}

	private static GraphQlTester.Response verify(GraphQlTester tester, Map<String, String> input) {
		return tester.documentName("verifyBrandClaim").variable("input", input).execute();
	}
}
