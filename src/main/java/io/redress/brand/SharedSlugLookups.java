package io.redress.brand;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import io.redress.shared.SharedReads;
import org.dataloader.DataLoader;
import org.dataloader.DataLoaderFactory;
import org.dataloader.DataLoaderOptions;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Brand lookups by slug that requests running at the same time share. {@code brand(slug:)} is the hottest public read
 * (brand pages, partner sites), and each lookup on its own cost a statement, a pooled connection and a round trip: in
 * a profile, half of the server's CPU per request went to running that one statement. Here a lookup joins the next
 * batch, and a batch leaves at once while fewer than {@link #STATEMENTS_IN_FLIGHT} are running, or the moment one
 * returns: a lone lookup waits for nothing, and under load one statement answers many.
 * <p>
 * A batch is only sent after every lookup in it was made, so each answer shows what was committed before its request
 * asked (none comes from a statement that started earlier). Batches run outside any transaction: this serves reads
 * that need none. Brands are public, so an answer shared shows no caller anything it could not read itself. A batch
 * still running after {@link SharedReads#patience} is given up, so a stuck connection cannot hold back the lookups
 * behind it.
 */
@Component
class SharedSlugLookups {

	/**
	 * Enough statements at once that lookups arriving together do not wait behind one round trip, few enough that
	 * under load they wait in a batch instead of each taking a pooled connection.
	 */
	static final int STATEMENTS_IN_FLIGHT = 4;

	/** The most slugs one statement looks up; a longer queue leaves as several statements. */
	static final int MAX_BATCH = 100;

	private final DataLoader<String, Brand> batches;
	private final AtomicInteger inFlight = new AtomicInteger();

	SharedSlugLookups(Brands brands, @Value("${redress.database.statement-timeout}") Duration statementTimeout) {
		Duration patience = SharedReads.patience(statementTimeout);
		this.batches = DataLoaderFactory.newMappedDataLoader((Set<String> slugs) -> SharedReads
				.givenUpAfter(patience, brands.findAllBySlug(slugs).collectMap(Brand::slug)).toFuture(),
				DataLoaderOptions.newOptions().setCachingEnabled(false).setMaxBatchSize(MAX_BATCH).build());
	}

	/** The brand with this slug, or empty; a request that goes away leaves the batch to the others. */
	Mono<Brand> find(String slug) {
		CompletableFuture<Brand> found = batches.load(slug);
		sendWhileFree();
		return Mono.fromFuture(found, true);
	}

	/**
	 * Sends what is waiting while fewer statements than allowed are running. Every lookup and every returning batch
	 * calls this after it changed the queue or the count, so no lookup is left waiting with nothing running.
	 */
	private void sendWhileFree() {
		while (batches.dispatchDepth() > 0) {
			int running = inFlight.get();
			if (running >= STATEMENTS_IN_FLIGHT) {
				return;
			}
			if (inFlight.compareAndSet(running, running + 1)) {
				batches.dispatch().whenComplete((answered, error) -> {
					inFlight.decrementAndGet();
					sendWhileFree();
				});
				return;
			}
		}
	}
}
