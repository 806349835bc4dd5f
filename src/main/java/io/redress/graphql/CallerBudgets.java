package io.redress.graphql;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import graphql.GraphQLError;

/**
 * The rate budgets of GraphQL callers: every operation spends its cost from the caller's budget per minute (smaller
 * for an anonymous IP address than for a signed-in caller), and content-creating mutations also spend from an
 * hourly content quota, so a caller cannot flood the site with complaints, messages, brands or flags even while
 * their general budget lasts.
 */
final class CallerBudgets {

	private final TokenBuckets buckets;
	private final Quota signedIn;
	private final Quota anonymous;
	private final Quota content;

	CallerBudgets(TokenBuckets buckets, LimitSettings settings) {
		this.buckets = buckets;
		this.signedIn = Quota.perMinute("cost", settings.costPerMinute());
		this.anonymous = Quota.perMinute("anonymous-cost", settings.anonymousCostPerMinute());
		this.content = Quota.perHour("content", settings.contentPerHour());
	}

	/** Charges the caller; empty when served, else the error that refuses the request. */
	CompletableFuture<Optional<GraphQLError>> charge(Caller caller, OperationPrice price) {
		Quota budget = caller.signedIn() ? signedIn : anonymous;
		return buckets.consume(budget, caller.key(), price.cost()).thenCompose(verdict -> {
			if (!verdict.allowed()) {
				return refused("Too many requests: this caller's budget of " + budget.capacity()
						+ " per minute is spent", verdict);
			}
			if (price.contentItems() == 0) {
				return CompletableFuture.completedFuture(Optional.empty());
			}
			return buckets.consume(content, caller.key(), price.contentItems()).thenCompose(quota -> quota.allowed()
					? CompletableFuture.completedFuture(Optional.<GraphQLError>empty())
					: refused("Too much new content: at most " + content.capacity()
							+ " complaints, messages, brands, claims and flags per hour", quota));
		});
	}

	private static CompletableFuture<Optional<GraphQLError>> refused(String message, Verdict verdict) {
		return CompletableFuture.completedFuture(Optional.of(RateLimited.error(
				message + "; try again in " + verdict.retryAfterSeconds() + " s", verdict.retryAfterSeconds())));
	}
}
