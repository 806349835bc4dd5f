package io.redress.score;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import graphql.schema.DataFetchingEnvironment;
import io.redress.brand.Brand;
import io.redress.brand.BrandDirectory;
import io.redress.shared.NotFoundException;
import org.dataloader.DataLoader;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;

/** Maps the score fields of {@code Brand}, the score types, and {@code scoreChanged}. */
@Controller
class ScoreController {

	private static final String HISTORY_LOADER = "scoreHistory";

	private final ScoreBoard board;
	private final BrandDirectory brands;

	ScoreController(ScoreBoard board, BrandDirectory brands, BatchLoaderRegistry loaders) {
		this.board = board;
		this.brands = brands;
		// scoreHistory takes an argument, which @BatchMapping cannot pass: a keyed loader batches it instead, one
		// statement per distinct `days` in a request however many brands ask.
		loaders.<HistoryKey, List<ScoreSnapshot>>forName(HISTORY_LOADER).registerMappedBatchLoader((keys, env) ->
				Flux.fromIterable(keys.stream().collect(Collectors.groupingBy(HistoryKey::days)).entrySet())
						.concatMap(group -> board.history(group.getValue().stream().map(HistoryKey::brandId)
								.collect(Collectors.toSet()), group.getKey())
								.flatMapIterable(byBrand -> group.getValue().stream()
										.map(key -> Map.entry(key, byBrand.get(key.brandId()))).toList()))
						.collectMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	// One statement for a whole page of brands, not one per brand.
	@BatchMapping(typeName = "Brand")
	Mono<Map<Brand, ResolutionScore>> score(List<Brand> batch) {
		return board.scores(batch);
	}

	@SchemaMapping(typeName = "Brand")
	CompletableFuture<List<ScoreSnapshot>> scoreHistory(Brand brand, @Argument int days,
			DataFetchingEnvironment environment) {
		DataLoader<HistoryKey, List<ScoreSnapshot>> loader = environment.getDataLoader(HISTORY_LOADER);
		return loader.load(new HistoryKey(brand.id(), days));
	}

	@SchemaMapping(typeName = "ScoreSnapshot")
	String day(ScoreSnapshot snapshot) {
		return snapshot.day().toString();
	}

	@SubscriptionMapping
	Flux<ScoreChange> scoreChanged(@Argument String brandSlug, @Argument String after) {
		return brands.bySlug(brandSlug).switchIfEmpty(Mono.error(() -> new NotFoundException("Brand")))
				.flatMapMany(brand -> board.changes(brand, after));
	}

	@SchemaMapping(typeName = "ScoreChange")
	Mono<Brand> brand(ScoreChange change) {
		return brands.byId(change.brandId());
	}

	/** One brand's history over so many days. */
	record HistoryKey(long brandId, int days) {
	}
}
