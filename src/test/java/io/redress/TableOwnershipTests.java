package io.redress;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A module's SQL names only its own tables and the views other modules publish; a module reads another's data
 * through its Java API or those views, never its tables. Import rules cannot see SQL, so this reads it.
 */
class TableOwnershipTests {

	private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
	private static final Path SOURCES = Path.of("src/main/java/io/redress");

	/** Each module's tables, and the views it publishes for other modules to read. */
	private static final Map<String, Set<String>> TABLES = Map.of(
			"account", Set.of("profiles"),
			"brand", Set.of("brands", "brand_members", "brand_claims", "brand_invitations", "saved_replies"),
			"complaint", Set.of("complaints", "proposals", "ratings", "complaint_deadlines", "follow_ups",
					"complaint_partners", "complaint_phrases", "complaint_phrase_counts"),
			"thread", Set.of("messages"),
			"realtime", Set.of("events", "event_sequence"),
			"score", Set.of("brand_scores", "score_snapshots", "score_feed"),
			"moderation", Set.of("flags", "flag_history", "moderation_ledger", "signal_feed"),
			"webhook", Set.of("webhooks", "webhook_deliveries", "webhook_feed"),
			"notification", Set.of("notification_recipients", "notification_outbox", "notification_feed",
					"notification_invitations", "notification_opt_outs"));

	private static final Map<String, Set<String>> PUBLISHED_VIEWS = Map.of(
			"account", Set.of("account_profiles"),
			"brand", Set.of("brand_listing", "brand_roles"),
			// complaint_terms was created by V22 and dropped by V26_1, when complaint_phrase_* replaced it.
			"complaint", Set.of("complaint_outcomes", "complaint_authors", "complaint_follow_ups", "complaint_terms",
					"complaint_partner_cases", "complaint_phrase_uses", "complaint_phrase_tallies"));

	private static final Pattern CREATED = Pattern.compile("(?i)CREATE\\s+(TABLE|VIEW)\\s+(\\w+)");

	/** A table named where SQL reads or writes one. */
	private static final Pattern NAMED = Pattern.compile("(?i)\\b(?:FROM|JOIN|INTO|UPDATE|TABLE)\\s+(?:ONLY\\s+)?(\\w+)");

	/** Java string literals and text blocks, where the SQL lives. */
	private static final Pattern STRINGS = Pattern.compile("(?s)\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"");

	@Test
	void everyTableAndViewTheMigrationsCreateHasAnOwningModule() throws IOException {
		Set<String> owned = Stream.concat(TABLES.values().stream(), PUBLISHED_VIEWS.values().stream())
				.flatMap(Set::stream).collect(Collectors.toSet());

		assertThat(created()).isSubsetOf(owned);
		assertThat(owned).isSubsetOf(created());
	}

	@Test
	void noModulesSqlNamesAnotherModulesTables() throws IOException {
		List<String> trespasses = new ArrayList<>();
		for (String module : modules()) {
			Set<String> foreign = TABLES.entrySet().stream().filter(entry -> !entry.getKey().equals(module))
					.flatMap(entry -> entry.getValue().stream()).collect(Collectors.toSet());
			for (Path file : javaFiles(module)) {
				for (String table : namedTables(Files.readString(file))) {
					if (foreign.contains(table)) {
						trespasses.add(SOURCES.relativize(file) + " names " + table);
					}
				}
			}
		}

		assertThat(trespasses).isEmpty();
	}

	@Test
	void theCheckSeesTablesInTextBlocksAndStrings() {
		String source = "String A = \"\"\"\n  SELECT 1 FROM brands b\n  JOIN messages m ON true\"\"\";\n"
				+ "String B = \"UPDATE complaints SET x = 1\"; // FROM profiles in a comment is not SQL\n";

		assertThat(namedTables(source)).containsExactlyInAnyOrder("brands", "messages", "complaints");
	}

	private static Set<String> namedTables(String javaSource) {
		Set<String> names = new TreeSet<>();
		Matcher literal = STRINGS.matcher(javaSource);
		while (literal.find()) {
			String text = literal.group(1) != null ? literal.group(1) : literal.group(2);
			Matcher named = NAMED.matcher(text);
			while (named.find()) {
				names.add(named.group(1).toLowerCase());
			}
		}
		return names;
	}

	private static Set<String> created() throws IOException {
		Set<String> names = new TreeSet<>();
		try (Stream<Path> files = Files.list(MIGRATIONS)) {
			for (Path file : files.toList()) {
				Matcher created = CREATED.matcher(Files.readString(file));
				while (created.find()) {
					names.add(created.group(2).toLowerCase());
				}
			}
		}
		return names;
	}

	private static List<String> modules() throws IOException {
		try (Stream<Path> dirs = Files.list(SOURCES)) {
			return dirs.filter(Files::isDirectory).map(dir -> dir.getFileName().toString()).sorted().toList();
		}
	}

	private static List<Path> javaFiles(String module) throws IOException {
		try (Stream<Path> files = Files.walk(SOURCES.resolve(module))) {
			return files.filter(file -> file.toString().endsWith(".java")).toList();
		}
	}
}
