package io.redress;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The Redress GraphQL server. Each package under this one is a module; its {@code package-info.java} names the
 * modules it may use, and {@code shared} (ids, pages, user errors, exceptions) is open to all of them.
 */
@SpringBootApplication
@Modulithic(sharedModules = "shared")
@Import(RequiredSettings.class)
@EnableScheduling
public class RedressApplication {

	public static void main(String[] args) {
		SpringApplication.run(RedressApplication.class, args);
	}
}
