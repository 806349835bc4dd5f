package io.redress;

import java.net.URI;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Checks at start-up that a deployment gave the settings the server cannot run without, and stops with a message
 * that names the missing one. Also derives Flyway's JDBC connection from the R2DBC one when it is not set, so one
 * database URL is enough.
 */
class RequiredSettings implements EnvironmentPostProcessor, Ordered {

	static final String R2DBC_URL = "spring.r2dbc.url";
	static final String FLYWAY_URL = "spring.flyway.url";
	static final String ISSUER_URI = "spring.security.oauth2.resourceserver.jwt.issuer-uri";
	static final String JWK_SET_URI = "spring.security.oauth2.resourceserver.jwt.jwk-set-uri";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String r2dbcUrl = environment.getProperty(R2DBC_URL);
		if (!StringUtils.hasText(r2dbcUrl)) {
			throw new InvalidSettingException(R2DBC_URL, "is missing",
					"Set it to the database, for example r2dbc:postgresql://localhost:5432/redress");
		}
		if (!r2dbcUrl.startsWith("r2dbc:postgresql://") && !r2dbcUrl.startsWith("r2dbc:pool:postgresql://")) {
			throw new InvalidSettingException(R2DBC_URL, "is not an R2DBC PostgreSQL URL",
					"Use the form r2dbc:postgresql://host:5432/database");
		}
		deriveFlyway(environment, r2dbcUrl);
		checkIssuer(environment);
	}

	private static void deriveFlyway(ConfigurableEnvironment environment, String r2dbcUrl) {
		Map<String, Object> derived = new HashMap<>();
		if (!StringUtils.hasText(environment.getProperty(FLYWAY_URL))) {
			derived.put(FLYWAY_URL, "jdbc:postgresql://" + r2dbcUrl.substring(r2dbcUrl.indexOf("://") + 3));
			derived.put("spring.flyway.user", environment.getProperty("spring.r2dbc.username", ""));
			derived.put("spring.flyway.password", environment.getProperty("spring.r2dbc.password", ""));
		}
		else if (!environment.getProperty(FLYWAY_URL, "").startsWith("jdbc:postgresql://")) {
			throw new InvalidSettingException(FLYWAY_URL, "is not a JDBC PostgreSQL URL",
					"Use the form jdbc:postgresql://host:5432/database, or leave it unset to derive it from "
							+ R2DBC_URL);
		}
		if (!derived.isEmpty()) {
			environment.getPropertySources().addLast(new MapPropertySource("redressDerivedSettings", derived));
		}
	}

	private static void checkIssuer(ConfigurableEnvironment environment) {
		String issuer = environment.getProperty(ISSUER_URI);
		String jwkSet = environment.getProperty(JWK_SET_URI);
		if (!StringUtils.hasText(issuer) && !StringUtils.hasText(jwkSet)) {
			throw new InvalidSettingException(ISSUER_URI, "is missing",
					"Set it to your OpenID provider's issuer, or set " + JWK_SET_URI + " to its key set");
		}
		checkHttpUri(ISSUER_URI, issuer);
		checkHttpUri(JWK_SET_URI, jwkSet);
	}

	private static void checkHttpUri(String property, String value) {
		if (!StringUtils.hasText(value)) {
			return;
		}
		try {
			URI uri = URI.create(value);
			String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
			if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
				throw new InvalidSettingException(property, "is not an http(s) URL", "Give an absolute URL");
			}
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidSettingException(property, "is not a valid URL", "Give an absolute http(s) URL");
		}
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}
}
