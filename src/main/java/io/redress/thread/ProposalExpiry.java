package io.redress.thread;

import io.redress.complaint.ResolutionManagement;
import io.redress.realtime.EventLog;
import io.redress.shared.DatabaseOutage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Accepts proposals left unanswered for 14 days on the consumer's behalf, with a SYSTEM message in the thread
 * saying so. Runs on every node; each complaint is re-checked under its row lock, so two nodes never accept one twice.
 */
@Component
class ProposalExpiry {

	private static final Logger log = LoggerFactory.getLogger(ProposalExpiry.class);
	private static final int BATCH = 100;
	static final String NOTICE = "The brand's proposal went unanswered for 14 days, so Redress accepted it on the "
			+ "consumer's behalf. The consumer may still reopen the complaint within 30 days.";

	private final ResolutionManagement resolutions;
	private final Messages messages;
	private final EventLog events;
	private final TransactionalOperator tx;
	private final DatabaseOutage database;

	ProposalExpiry(ResolutionManagement resolutions, Messages messages, EventLog events, TransactionalOperator tx,
			DatabaseOutage database) {
		this.database = database;
		this.resolutions = resolutions;
		this.messages = messages;
		this.events = events;
		this.tx = tx;
	}

	@Scheduled(fixedDelayString = "${redress.proposals.expiry-check-interval:PT1M}", initialDelayString = "PT10S")
	Mono<Void> acceptExpired() {
		return resolutions.expiredProposals(BATCH)
				.concatMap(complaintId -> tx.transactional(resolutions.assumeAccepted(complaintId)
						.flatMap(complaint -> messages.insert(complaint.id(), complaint.brandId(),
								Message.AuthorKind.SYSTEM, null, MessageVisibility.PUBLIC, NOTICE)
								.flatMap(messageId -> events.append(ThreadManagement.messagePosted(complaint, messageId,
										Message.AuthorKind.SYSTEM, MessageVisibility.PUBLIC))))))
				.then()
				.onErrorResume(ex -> {
					if (!database.report(ex)) {
						log.error("Accepting expired proposals failed; the next run retries", ex);
					}
					return Mono.empty();
				});
	}
}
