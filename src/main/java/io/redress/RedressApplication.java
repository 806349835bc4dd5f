package io.redress;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The Redress GraphQL server. */
@SpringBootApplication
@Import(RequiredSettings.class)
@EnableScheduling
public class RedressApplication {

	public static void main(String[] args) {
		SpringApplication.run(RedressApplication.class, args);
	}
}
