package io.redress;

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequiredSettingsTests {

	@Test
	void missingDatabaseUrlIsNamedWithItsEnvironmentVariable() {
		assertThatThrownBy(() -> check(complete().withProperty("spring.r2dbc.url", "")))
				.isInstanceOf(InvalidSettingException.class)
				.hasMessageContaining("spring.r2dbc.url").hasMessageContaining("SPRING_R2DBC_URL");
	}

	@Test
	void malformedSettingsAreNamed() {
		assertThatThrownBy(() -> check(complete().withProperty("spring.r2dbc.url", "postgres://x/y")))
				.hasMessageContaining("spring.r2dbc.url");
		assertThatThrownBy(() -> check(complete().withProperty("spring.flyway.url", "")))
				.hasMessageContaining("spring.flyway.url");
		assertThatThrownBy(() -> check(complete().withProperty(RequiredSettings.ISSUER_URI, "ftp://issuer")))
				.hasMessageContaining(RequiredSettings.ISSUER_URI);
		assertThatThrownBy(() -> check(complete().withProperty(RequiredSettings.ISSUER_URI, "not a url")))
				.hasMessageContaining(RequiredSettings.ISSUER_URI);
	}

	@Test
	void missingIssuerAndKeySetAreNamed() {
		assertThatThrownBy(() -> check(complete().withProperty(RequiredSettings.ISSUER_URI, "")))
				.hasMessageContaining("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI");
	}

	@Test
	void keySetAloneIsEnough() {
		check(complete().withProperty(RequiredSettings.ISSUER_URI, "")
				.withProperty(RequiredSettings.JWK_SET_URI, "https://issuer.example/jwks"));
	}

	@Test
	void startsOnlyWithAnAudienceOrItsExplicitOptOut() {
		assertThatThrownBy(() -> check(complete().withProperty(RequiredSettings.AUDIENCES, "")))
				.isInstanceOf(InvalidSettingException.class)
				.hasMessageContaining("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_AUDIENCES")
				.satisfies(failure -> assertThat(((InvalidSettingException) failure).action())
						.contains(RequiredSettings.ANY_AUDIENCE));
		check(complete().withProperty(RequiredSettings.AUDIENCES, "").withProperty(RequiredSettings.ANY_AUDIENCE, "true"));
	}

	@Test
	void flywayIsDerivedFromTheR2dbcSettings() {
		MockEnvironment environment = new MockEnvironment()
				.withProperty("spring.r2dbc.url", "r2dbc:postgresql://db:5432/redress")
				.withProperty("spring.r2dbc.username", "app").withProperty("spring.r2dbc.password", "secret");
		new DerivedDatabaseSettings().postProcessEnvironment(environment, null);

		assertThat(environment.getProperty("spring.flyway.url")).isEqualTo("jdbc:postgresql://db:5432/redress");
		assertThat(environment.getProperty("spring.flyway.user")).isEqualTo("app");
		assertThat(environment.getProperty("spring.flyway.password")).isEqualTo("secret");
	}

	@Test
	void explicitFlywayUrlIsKept() {
		MockEnvironment environment = new MockEnvironment()
				.withProperty("spring.r2dbc.url", "r2dbc:postgresql://db:5432/redress")
				.withProperty("spring.flyway.url", "jdbc:postgresql://admin-db:5432/redress");
		new DerivedDatabaseSettings().postProcessEnvironment(environment, null);

		assertThat(environment.getProperty("spring.flyway.url")).isEqualTo("jdbc:postgresql://admin-db:5432/redress");
	}

	@Test
	void failureReportNamesTheSetting() {
		InvalidSettingException failure = new InvalidSettingException("spring.r2dbc.url", "is missing", "Set it");
		assertThat(new InvalidSettingFailureAnalyzer().analyze(failure).getDescription())
				.contains("spring.r2dbc.url");
	}

	private static MockEnvironment complete() {
		return new MockEnvironment()
				.withProperty("spring.r2dbc.url", "r2dbc:postgresql://db:5432/redress")
				.withProperty("spring.flyway.url", "jdbc:postgresql://db:5432/redress")
				.withProperty(RequiredSettings.ISSUER_URI, "https://issuer.example")
				.withProperty(RequiredSettings.AUDIENCES, "redress-api");
	}

	private static void check(MockEnvironment environment) {
		RequiredSettings settings = new RequiredSettings();
		settings.setEnvironment(environment);
		settings.postProcessBeanFactory(null);
	}
}
