package io.redress;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Rules Spring Modulith does not check: modules stay out of the application package, and nothing blocks or prints. */
class ModuleRulesTests {

	private static final JavaClasses MAIN = new ClassFileImporter()
			.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("io.redress");

	@Test
	void modulesDoNotReachIntoTheApplicationPackage() {
		noClasses().that().resideInAPackage("io.redress.*..")
				.should().dependOnClassesThat().resideInAPackage("io.redress")
				.check(MAIN);
	}

	@Test
	void mainCodeNeverBlocksOrPrints() {
		noClasses().should().callMethodWhere(DescribedPredicate.describe("a Reactor block call",
				call -> call.getTarget().getOwner().getPackageName().startsWith("reactor.core")
						&& call.getTarget().getName().startsWith("block")))
				.because("the server is non-blocking end to end")
				.check(MAIN);
		noClasses().should().accessField(System.class, "out").orShould().accessField(System.class, "err")
				.check(MAIN);
	}
}
