package io.redress.widget;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.redress.brand.Brand;
import io.redress.complaint.PublicCase;
import io.redress.complaint.PublicCases;
import io.redress.moderation.PublicLedger;
import io.redress.score.ScoreBoard;
import io.redress.shared.Connection;
import io.redress.shared.PageRequest;
import io.redress.thread.PublicMessage;
import io.redress.thread.PublicThreads;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * What the carousel and the public pages read besides the score, through the owners' read-only interfaces, always as
 * an anonymous reader: one statement each, run side by side.
 */
@Component
class PublicReads {

	static final int COMPLAINTS_PER_PAGE = 10;
	static final int THREAD_LENGTH = 100;

	private final PublicCases cases;
	private final PublicThreads threads;
	private final PublicLedger ledger;
	private final ScoreBoard board;

	PublicReads(PublicCases cases, PublicThreads threads, PublicLedger ledger, ScoreBoard board) {
		this.cases = cases;
		this.threads = threads;
		this.ledger = ledger;
		this.board = board;
	}

	Mono<List<PublicCase>> carousel(Brand brand) {
		return cases.ratedResolutions(brand.id(), WidgetView.CAROUSEL_CASES);
	}

	/** A brand page's data; {@code after} is the complaints' cursor (null for the newest). */
	Mono<PageData> page(Brand brand, String after) {
		PageRequest page = new PageRequest(COMPLAINTS_PER_PAGE, after);
		var listing = cases.ofBrand(brand.id(), page).flatMap(complaints -> threads
				.brandAnswers(complaints.nodes().stream().map(PublicCase::id).toList())
				.map(answers -> new Listing(complaints, answers)));
		return Mono.zip(cases.times(brand.id()), ledger.of(brand),
				board.history(Set.of(brand.id()), ScoreBoard.MAX_HISTORY_DAYS), listing)
				.map(all -> new PageData(all.getT1(), all.getT2(), all.getT3().getOrDefault(brand.id(), List.of()),
						all.getT4().complaints(), all.getT4().answers(), Optional.empty()));
	}

	/** One complaint as the public reads it, with its public thread; empty when it is missing or not public. */
	Mono<ComplaintPage.Data> complaint(long id) {
		return cases.byId(id).flatMap(found -> threads.thread(id, THREAD_LENGTH)
				.map(messages -> new ComplaintPage.Data(found, messages)));
	}

	private record Listing(Connection<PublicCase> complaints, Map<Long, PublicMessage> answers) {
	}
}
