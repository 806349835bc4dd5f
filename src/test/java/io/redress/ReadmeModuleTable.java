package io.redress;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads the README's module table: rows of {@code | module | package | what it owns | may use |}, the last cell a
 * comma-separated list of modules ({@code brand::read} for a named interface), or {@code —} for none.
 */
final class ReadmeModuleTable {

	private static final Pattern ROW = Pattern
			.compile("(?m)^\\|\\s*(\\w+)\\s*\\|\\s*`io\\.redress\\.\\w+`\\s*\\|[^|\\n]*\\|\\s*([^|\\n]*?)\\s*\\|\\s*$");

	private ReadmeModuleTable() {
	}

	static Map<String, Set<String>> mayUse(String readme) {
		Map<String, Set<String>> table = new TreeMap<>();
		Matcher row = ROW.matcher(readme);
		while (row.find()) {
			String cell = row.group(2).replace("`", "").strip();
			Set<String> modules = cell.equals("—") ? new TreeSet<>()
					: Arrays.stream(cell.split(",")).map(String::strip).collect(Collectors.toCollection(TreeSet::new));
			table.put(row.group(1), modules);
		}
		return table;
	}
}
