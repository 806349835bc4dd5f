package io.redress.shared;

/**
 * A light data fetcher that still reads data (a relation, a page of a keyed loader), unlike {@link PlainField}, which
 * computes from its row alone. graphql-java treats both as trivial; whatever shares work per field, as subscription
 * events do per audience, must not skip this kind.
 */
public interface LoadingField {
}
