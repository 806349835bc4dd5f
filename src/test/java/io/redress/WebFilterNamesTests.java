package io.redress;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;
import org.springframework.web.server.WebFilter;

/**
 * Spring's filter chain checkpoints every filter on every request with the filter's {@code toString()}: Redress's
 * filters name themselves with a constant (a lambda cannot, so a filter bean is a class), sparing {@code Object.toString()}'s hash and concatenation per filter and request.
 */
class WebFilterNamesTests {

	private static final JavaClasses MAIN = new ClassFileImporter()
			.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("io.redress");

	@Test
	void everyWebFilterNamesItself() {
		classes().that().implement(WebFilter.class).should(new ArchCondition<JavaClass>("declare toString()") {
			@Override
			public void check(JavaClass filter, ConditionEvents events) {
				boolean named = filter.getMethods().stream()
						.anyMatch(method -> method.getName().equals("toString")
								&& method.getRawParameterTypes().isEmpty());
				events.add(new SimpleConditionEvent(filter, named, filter.getName() + " declares toString()"));
			}
		}).check(MAIN);
	}
}
