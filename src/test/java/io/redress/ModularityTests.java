package io.redress;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import io.redress.realtime.EventType;
import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/** The module table, as each module's package-info declares it, verified by Spring Modulith. */
class ModularityTests {

	static final ApplicationModules MODULES = ApplicationModules.of(RedressApplication.class);

	@Test
	void modulesUseOnlyWhatTheirTableRowAllowsAndFormNoCycles() {
		MODULES.verify();
	}

	@Test
	void theReadmesModuleTableIsTheOneEachModuleDeclares() throws IOException {
		Map<String, Set<String>> readme = ReadmeModuleTable.mayUse(Files.readString(Path.of("README.md")));

		Map<String, Set<String>> declared = new TreeMap<>();
		MODULES.stream().forEach(module -> declared.put(module.getIdentifier().toString(), declared(module)));
		assertThat(readme).isEqualTo(declared);
	}

	/**
	 * The module diagram the build draws ({@code docs/modules/components.puml}, linked from the README) is the one
	 * committed: when the modules change, this test writes the new diagram and fails once, so it is committed with
	 * the change.
	 */
	@Test
	void theCommittedModuleDiagramIsTheOneTheModulesDraw() throws IOException {
		new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
		Path drawn = Path.of("target/spring-modulith-docs");
		Path committed = Path.of("docs/modules");
		List<String> changed = new ArrayList<>();
		try (Stream<Path> diagrams = Files.list(drawn)) {
			for (Path diagram : diagrams.filter(file -> file.toString().endsWith(".puml")).sorted().toList()) {
				Path copy = committed.resolve(diagram.getFileName());
				if (!Files.exists(copy) || !sameLines(copy, diagram)) {
					Files.createDirectories(committed);
					Files.copy(diagram, copy, StandardCopyOption.REPLACE_EXISTING);
					changed.add(copy.toString());
				}
			}
		}
		assertThat(changed).as("diagrams redrawn just now; commit them").isEmpty();
	}

	/** The documenter lists a diagram's relations in no fixed order from one run to the next. */
	private static boolean sameLines(Path one, Path other) throws IOException {
		return Files.readAllLines(one).stream().sorted().toList()
				.equals(Files.readAllLines(other).stream().sorted().toList());
	}

	/** What a module's package-info allows it to use; every module may use the shared kernel. */
	private static Set<String> declared(ApplicationModule module) {
		Set<String> allowed = new TreeSet<>();
		if (!module.getIdentifier().toString().equals("shared")) {
			allowed.add("shared");
		}
		try {
			Class<?> packageInfo = Class.forName(module.getBasePackage().getName() + ".package-info");
			org.springframework.modulith.ApplicationModule declaration = packageInfo
					.getAnnotation(org.springframework.modulith.ApplicationModule.class);
			if (declaration != null) {
				allowed.addAll(List.of(declaration.allowedDependencies()));
			}
		}
		catch (ClassNotFoundException ex) {
			throw new IllegalStateException(module.getIdentifier() + " has no package-info", ex);
		}
		return allowed;
	}

	/**
	 * A module's public types are its API: each is used by another module, is an event type the module publishes, or
	 * is part of the vocabulary of such a type (the status of a {@code Brand}, the complaints the score formula
	 * folds). Everything else stays package-private, so the API says what other modules may touch.
	 */
	@Test
	void publicTypesAreThoseOtherModulesUse() {
		List<String> needlessPublic = MODULES.stream().flatMap(module -> {
			Set<JavaClass> api = api(module);
			return publicTypes(module).filter(type -> !api.contains(type)).map(JavaClass::getName);
		}).toList();

		assertThat(needlessPublic).isEmpty();
	}

	private static Set<JavaClass> api(ApplicationModule module) {
		Set<JavaClass> api = publicTypes(module).filter(type -> type.isAssignableTo(EventType.class)
				|| type.getDirectDependenciesToSelf().stream().anyMatch(use -> !module.contains(use.getOriginClass())))
				.collect(Collectors.toCollection(HashSet::new));
		boolean grew = true;
		while (grew) {
			Set<JavaClass> vocabulary = api.stream().flatMap(type -> type.getDirectDependenciesFromSelf().stream())
					.map(Dependency::getTargetClass).filter(target -> publicTypes(module).anyMatch(target::equals))
					.collect(Collectors.toSet());
			grew = api.addAll(vocabulary);
		}
		return api;
	}

	private static Stream<JavaClass> publicTypes(ApplicationModule module) {
		return module.getBasePackage().stream()
				.filter(type -> type.isTopLevelClass() && type.getModifiers().contains(JavaModifier.PUBLIC));
	}
}
