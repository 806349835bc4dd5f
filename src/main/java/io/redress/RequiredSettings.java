package io.redress;

import java.net.URI;
import java.util.Locale;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.StringUtils;

/**
 * Checks at start-up that a deployment gave the settings the server cannot run without, and stops with a message
 * that names the missing one. It runs before any bean is made, once every property source (test ones included) is
 * in.
 */
class RequiredSettings implements BeanFactoryPostProcessor, EnvironmentAware, Ordered {

	static final String R2DBC_URL = "spring.r2dbc.url";
	static final String FLYWAY_URL = "spring.flyway.url";
	static final String ISSUER_URI = "spring.security.oauth2.resourceserver.jwt.issuer-uri";
	static final String JWK_SET_URI = "spring.security.oauth2.resourceserver.jwt.jwk-set-uri";
	static final String AUDIENCES = "spring.security.oauth2.resourceserver.jwt.audiences";
	/** The explicit opt-out of audience checks, for an issuer that puts no audience in its tokens. */
	static final String ANY_AUDIENCE = "redress.security.accept-any-audience";

	private ConfigurableEnvironment environment;

	@Override
	public void setEnvironment(Environment environment) {
		this.environment = (ConfigurableEnvironment) environment;
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		String r2dbcUrl = environment.getProperty(R2DBC_URL);
		if (!StringUtils.hasText(r2dbcUrl)) {
			throw new InvalidSettingException(R2DBC_URL, "is missing",
					"Set it to the database, for example r2dbc:postgresql://localhost:5432/redress");
		}
		if (!r2dbcUrl.startsWith("r2dbc:postgresql://")) {
			throw new InvalidSettingException(R2DBC_URL, "is not an R2DBC PostgreSQL URL",
					"Use the form r2dbc:postgresql://host:5432/database");
		}
		checkFlyway(environment);
		checkIssuer(environment);
	}

	private static void checkFlyway(ConfigurableEnvironment environment) {
		if (!environment.getProperty("spring.flyway.enabled", Boolean.class, true)) {
			return;
		}
		String flywayUrl = environment.getProperty(FLYWAY_URL, "");
		if (!flywayUrl.startsWith("jdbc:postgresql://")) {
			throw new InvalidSettingException(FLYWAY_URL, flywayUrl.isEmpty() ? "is missing" : "is not a JDBC PostgreSQL URL",
					"Use the form jdbc:postgresql://host:5432/database, or leave it unset to derive it from " + R2DBC_URL);
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
		// Without an audience, a token the same issuer made for any other application would be accepted here.
		if (!StringUtils.hasText(environment.getProperty(AUDIENCES))
				&& !environment.getProperty(ANY_AUDIENCE, Boolean.class, false)) {
			throw new InvalidSettingException(AUDIENCES, "is missing",
					"Set it to the audience your issuer puts in tokens for Redress (such as redress-api), or set "
							+ ANY_AUDIENCE + "=true to accept tokens made for any audience");
		}
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
		return Ordered.HIGHEST_PRECEDENCE;
	}
}
