package io.redress;

import java.util.Arrays;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The README's module table, kept true: dependencies point one way and nothing blocks or prints. */
class ModuleRulesTests {

	private static final JavaClasses MAIN = new ClassFileImporter()
			.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("io.redress");

	@Test
	void modulesDependOnlyOnWhatTheTableAllows() {
		forbid("shared", "security", "graphql", "realtime", "account", "brand", "complaint", "thread", "score", "widget");
		forbid("security", "graphql", "realtime", "account", "brand", "complaint", "thread", "score", "widget");
		forbid("graphql", "security", "realtime", "account", "brand", "complaint", "thread", "score", "widget");
		forbid("realtime", "security", "graphql", "account", "brand", "complaint", "thread", "score", "widget");
		forbid("account", "graphql", "realtime", "brand", "complaint", "thread", "score", "widget");
		forbid("brand", "graphql", "realtime", "account", "complaint", "thread", "score", "widget");
		forbid("complaint", "graphql", "thread", "score", "widget");
		forbid("thread", "graphql", "score", "widget");
		forbid("score", "graphql", "security", "account", "thread", "widget");
		forbid("widget", "graphql", "security", "realtime", "account", "complaint", "thread");
	}

	@Test
	void modulesHaveNoCycles() {
		slices().matching("io.redress.(*)..").should().beFreeOfCycles().check(MAIN);
	}

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

	private static void forbid(String module, String... others) {
		String[] packages = Arrays.stream(others).map(other -> "io.redress." + other + "..")
				.toArray(String[]::new);
		noClasses().that().resideInAPackage("io.redress." + module + "..")
				.should().dependOnClassesThat().resideInAnyPackage(packages)
				.allowEmptyShould(true)
				.check(MAIN);
	}
}
