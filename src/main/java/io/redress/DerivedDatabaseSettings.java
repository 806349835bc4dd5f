package io.redress;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Derives Flyway's JDBC connection from the R2DBC one when a deployment sets only {@code spring.r2dbc.*}, so one
 * database URL is enough. Runs before auto-configuration decides whether Flyway has a database to migrate.
 */
class DerivedDatabaseSettings implements EnvironmentPostProcessor, Ordered {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String r2dbcUrl = environment.getProperty(RequiredSettings.R2DBC_URL, "");
		if (StringUtils.hasText(environment.getProperty(RequiredSettings.FLYWAY_URL))
				|| !r2dbcUrl.startsWith("r2dbc:postgresql://")) {
			return;
		}
		Map<String, Object> derived = new HashMap<>();
		derived.put(RequiredSettings.FLYWAY_URL, "jdbc:postgresql://" + r2dbcUrl.substring("r2dbc:postgresql://".length()));
		derived.put("spring.flyway.user", environment.getProperty("spring.r2dbc.username", ""));
		derived.put("spring.flyway.password", environment.getProperty("spring.r2dbc.password", ""));
		environment.getPropertySources().addLast(new MapPropertySource("redressDerivedSettings", derived));
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}
}
