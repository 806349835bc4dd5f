package io.redress.privacy;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.redress.account.Profile;
import io.redress.brand.BrandForgetting;
import io.redress.complaint.ComplaintAnonymisation;
import io.redress.moderation.ModerationForgetting;
import io.redress.security.CurrentViewer;
import io.redress.shared.GlobalId;
import io.redress.shared.NotFoundException;
import io.redress.thread.ThreadScrubbing;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;

/**
 * Everything Redress holds about the caller, as one JSON document. Each section is read through the module that owns
 * the data; a module that comes to hold personal data adds its section to
 * {@link #sections}, and its step to {@link AccountErasure}. Every list is capped ({@link #LIMITS}, written into the
 * document), so the document stays a download, not a dump: a consumer's data is a few kilobytes.
 */
@Service
class DataExport {

	static final String FORMAT = "redress-export/1";
	static final int MAX_COMPLAINTS = 200;
	static final int MAX_MESSAGES = 2000;
	static final int MAX_BRAND_RECORDS = 100;
	static final int MAX_FLAGS = 200;

	/** How many entries each list holds at most; a list this long may have been cut (the newest complaints are kept). */
	static final Map<String, Integer> LIMITS = limits();

	private final List<Section> sections;
	private final JsonMapper json;

	DataExport(ComplaintAnonymisation complaints, ThreadScrubbing threads, BrandForgetting brands,
			ModerationForgetting moderation, JsonMapper json) {
		this.json = json;
		this.sections = List.of(
				new Section("profile", DataExport::profile),
				new Section("complaints", profile -> complaints.personalDataOf(profile.id(), MAX_COMPLAINTS)
						.map(data -> data.complaints())),
				new Section("messages", profile -> threads.personalDataOf(profile.id(), profile.subject(), MAX_MESSAGES)),
				new Section("brands", profile -> brands.personalDataOf(profile.subject(), MAX_BRAND_RECORDS)),
				new Section("flags", profile -> moderation.personalDataOf(profile.id(), MAX_FLAGS)));
	}

	/** The caller's own export; nobody else's, whoever asks. */
	Mono<String> of(Profile profile) {
		return CurrentViewer.required()
				.filter(viewer -> viewer.subject().equals(profile.subject()))
				.switchIfEmpty(Mono.error(() -> new NotFoundException("Profile")))
				.flatMap(viewer -> Flux.fromIterable(sections)
						.concatMap(section -> section.read().apply(profile).map(value -> Map.entry(section.name(), value)))
						.collectList())
				.map(read -> {
					Map<String, Object> document = new LinkedHashMap<>();
					document.put("format", FORMAT);
					document.put("exportedAt", OffsetDateTime.now(ZoneOffset.UTC));
					document.put("limits", LIMITS);
					read.forEach(entry -> document.put(entry.getKey(), entry.getValue()));
					return json.writeValueAsString(document);
				});
	}

	private static Mono<Object> profile(Profile profile) {
		Map<String, Object> section = new LinkedHashMap<>();
		section.put("id", GlobalId.encode(Profile.TYPE, profile.id()));
		section.put("subject", profile.subject());
		section.put("publicName", profile.publicName());
		section.put("roles", profile.roles());
		section.put("createdAt", profile.createdAt());
		return Mono.just(section);
	}

	private static Map<String, Integer> limits() {
		Map<String, Integer> limits = new LinkedHashMap<>();
		limits.put("complaints", MAX_COMPLAINTS);
		limits.put("messages.inTheirComplaints", MAX_MESSAGES);
		limits.put("messages.writtenForBrands", MAX_MESSAGES);
		limits.put("brands.memberships", MAX_BRAND_RECORDS);
		limits.put("brands.claims", MAX_BRAND_RECORDS);
		limits.put("flags", MAX_FLAGS);
		return Collections.unmodifiableMap(limits);
	}

	/** One part of the document, read through the module that owns the data. */
	private record Section(String name, Function<Profile, Mono<?>> read) {
	}
}
