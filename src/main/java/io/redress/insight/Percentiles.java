package io.redress.insight;

/** A duration's median and 90th percentile in hours over {@code count} complaints; both null when there are none. */
record Percentiles(Double p50, Double p90, long count) {
}
