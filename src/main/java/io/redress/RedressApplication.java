package io.redress;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The Redress GraphQL server. */
@SpringBootApplication
public class RedressApplication {

	public static void main(String[] args) {
		SpringApplication.run(RedressApplication.class, args);
	}
}
