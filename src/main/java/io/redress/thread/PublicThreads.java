package io.redress.thread;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.redress.shared.PageRequest;
import reactor.core.publisher.Mono;

import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;

/**
 * Threads as anyone reads them, whoever asks: public messages only, masked, for the public pages. The caller has
 * checked that the complaints themselves are public.
 */
@NamedInterface("read")
@Service
public class PublicThreads {

	private final ThreadPages threads;

	PublicThreads(ThreadPages threads) {
		this.threads = threads;
	}

	/** The first {@code limit} (at most 100) public messages of a public complaint's thread, oldest first. */
	public Mono<List<PublicMessage>> thread(long complaintId, int limit) {
		PageRequest page = new PageRequest(limit, null);
		return threads.pages(List.of(new ThreadPage(complaintId, false, 0, page)))
				.map(keyed -> PublicMessage.of(keyed.message())).take(limit).collectList();
	}

	/** The brand's latest public answer among each complaint's latest messages: one statement for them all. */
	public Mono<Map<Long, PublicMessage>> brandAnswers(List<Long> complaintIds) {
		if (complaintIds.isEmpty()) {
			return Mono.just(Map.of());
		}
		return threads.latest(complaintIds.stream().map(id -> new ThreadPages.ThreadReader(id, false)).toList(),
				MessageDirectory.LATEST_COUNT)
				.map(keyed -> PublicMessage.of(keyed.message())).filter(PublicMessage::fromBrand)
				.collectList().map(answers -> {
					Map<Long, PublicMessage> latest = new LinkedHashMap<>();
					answers.forEach(answer -> latest.put(answer.complaintId(), answer));
					return latest;
				});
	}
}
