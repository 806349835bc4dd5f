package io.redress.thread;

import java.util.List;

import io.redress.shared.SelectLists;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Messages are read by position: each statement must put each column where {@link Messages#message} and {@link
 * ThreadPages} read it. Fails when a select list's order drifts from their constants.
 */
class MessageColumnsTests {

	/** What {@link Messages#message} reads at each position. */
	private static final List<String> MESSAGE = List.of("id", "complaint_id", "author_kind", "visibility", "body",
			"created_at", "moderation", "redacted", "kept_from_partners", "author_name");

	@Test
	void messageColumnsStandWhereTheMapperReadsThem() {
		List<String> names = SelectLists.columns(Messages.COLUMNS);
		assertThat(names).hasSize(Messages.COLUMN_COUNT).isEqualTo(MESSAGE);
		int[] positions = { Messages.ID, Messages.COMPLAINT_ID, Messages.AUTHOR_KIND, Messages.VISIBILITY,
				Messages.BODY, Messages.CREATED_AT, Messages.MODERATION, Messages.REDACTED, Messages.KEPT_FROM_PARTNERS,
				Messages.AUTHOR_NAME };
		for (int i = 0; i < positions.length; i++) {
			assertThat(names.get(positions[i])).as("column %d", i).isEqualTo(MESSAGE.get(i));
		}
	}

	@Test
	void everyStatementReadingMessagesSelectsTheirColumnsFirst() {
		List<String> statements = SelectLists.statements(Messages.class).stream()
				.filter(statement -> statement.strip().startsWith("SELECT"))
				.filter(statement -> statement.contains("ELSE a.author_name END AS author_name")).toList();
		assertThat(statements).isNotEmpty();
		for (String statement : statements) {
			assertThat(SelectLists.selected(statement)).as(statement).isEqualTo(MESSAGE);
		}
	}

	@Test
	void threadPagesPutTheMessageFirstThenTheKeyAndWhetherToMask() {
		List<String> reader = SelectLists.columns(ThreadPages.READER_COLUMNS);
		assertThat(reader.subList(0, Messages.COLUMN_COUNT)).isEqualTo(MESSAGE);
		assertThat(reader.get(ThreadPages.KEY_NO)).isEqualTo("key_no");
		assertThat(reader.get(ThreadPages.UNMASKED)).isEqualTo("unmasked");
		assertThat(reader).hasSize(Messages.COLUMN_COUNT + 2);
		List<String> statements = SelectLists.statements(ThreadPages.class).stream()
				.filter(statement -> statement.strip().startsWith("SELECT")).toList();
		assertThat(statements).hasSize(2);
		for (String statement : statements) {
			assertThat(SelectLists.selected(statement)).as(statement).isEqualTo(reader);
		}
	}
}
