package io.redress.moderation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.redress.brand.Brand;
import reactor.core.publisher.Mono;

import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;

/** A brand's public moderation ledger in numbers, for the public pages. */
@NamedInterface("read")
@Service
public class PublicLedger {

	private final FlagDirectory flags;

	PublicLedger(FlagDirectory flags) {
		this.flags = flags;
	}

	/** Complaints removed and held now, and those by the reason they were flagged for: one statement. */
	public Mono<Counts> of(Brand brand) {
		return flags.summaries(List.of(brand)).map(byBrand -> {
			LedgerSummary summary = byBrand.getOrDefault(brand, LedgerSummary.NONE);
			Map<String, Integer> byReason = new LinkedHashMap<>();
			summary.byReason().forEach(count -> byReason.put(count.reason().name(), count.count()));
			return new Counts(summary.removedCount(), summary.heldCount(), byReason);
		});
	}

	/** Removed and held complaints, and both by reason name, in the reasons' order. */
	@NamedInterface("read")
	public record Counts(int removedCount, int heldCount, Map<String, Integer> byReason) {

		public Counts {
			byReason = Collections.unmodifiableMap(new LinkedHashMap<>(byReason));
		}

		public boolean isEmpty() {
			return removedCount == 0 && heldCount == 0;
		}
	}
}
