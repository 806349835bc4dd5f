package io.redress;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import graphql.language.EnumTypeDefinition;
import graphql.language.EnumValueDefinition;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import io.redress.brand.BrandEventType;
import io.redress.complaint.ComplaintEventType;
import io.redress.moderation.ModerationEventType;
import io.redress.notification.NotificationEventType;
import io.redress.realtime.EventType;
import io.redress.realtime.Visibility;
import io.redress.score.ScoreEventType;
import io.redress.thread.ThreadEventType;
import io.redress.webhook.WebhookEventType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Event types are the modules' enums, and what subscribers receive is exactly the schema's closed set. */
class EventTypesTests {

	@Test
	void theSchemasComplaintEventTypeIsEveryComplaintThreadModerationAndWebhookEventASubscriberCanReceive() throws IOException {
		List<String> delivered = new ArrayList<>();
		Arrays.stream(ComplaintEventType.values()).filter(type -> type.visibility() != Visibility.SYSTEM)
				.forEach(type -> delivered.add(type.name()));
		Arrays.stream(ThreadEventType.values()).forEach(type -> delivered.add(type.name()));
		Arrays.stream(ModerationEventType.values()).filter(type -> type.visibility() != Visibility.SYSTEM)
				.forEach(type -> delivered.add(type.name()));
		Arrays.stream(WebhookEventType.values()).filter(type -> type.visibility() != Visibility.SYSTEM)
				.forEach(type -> delivered.add(type.name()));

		assertThat(schemaValues()).extracting(EnumValueDefinition::getName)
				.containsExactlyInAnyOrderElementsOf(delivered);
	}

	@Test
	void everyValueOfTheSchemasComplaintEventTypeIsDescribed() throws IOException {
		assertThat(schemaValues()).allSatisfy(value -> assertThat(value.getDescription())
				.as(value.getName()).isNotNull().extracting(description -> description.getContent()).isNotNull());
	}

	@Test
	void noTwoModulesWriteAnEventTypeOfTheSameName() {
		List<String> names = Stream.of(ComplaintEventType.values(), ThreadEventType.values(), ScoreEventType.values(),
				BrandEventType.values(), ModerationEventType.values(), WebhookEventType.values(),
				NotificationEventType.values())
				.flatMap(Arrays::stream).map(EventType::name).toList();

		assertThat(names).doesNotHaveDuplicates();
	}

	private static List<EnumValueDefinition> schemaValues() throws IOException {
		TypeDefinitionRegistry registry = new TypeDefinitionRegistry();
		try (Stream<Path> files = Files.list(Path.of("schema"))) {
			for (Path file : files.filter(path -> path.toString().endsWith(".graphqls")).toList()) {
				registry.merge(new SchemaParser().parse(Files.readString(file)));
			}
		}
		List<EnumValueDefinition> values = new ArrayList<>(registry.getType("ComplaintEventType",
				EnumTypeDefinition.class).orElseThrow().getEnumValueDefinitions());
		registry.enumTypeExtensions().getOrDefault("ComplaintEventType", List.of())
				.forEach(extension -> values.addAll(extension.getEnumValueDefinitions()));
		return values;
	}
}
