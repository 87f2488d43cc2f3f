package org.recourse.matching.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code recourse.matching.*}.
 *
 * @param index the in-memory index: how often each node reads the change log, and after how long
 *              without a successful read its index counts as stale
 * @param api   the match API: requests per second per key (bursts up to twice that; the bucket is
 *              held per node), signals in one batch look-up, feed page size
 */
@ConfigurationProperties("recourse.matching")
public record MatchingSettings(@DefaultValue Index index, @DefaultValue Api api) {

    public record Index(@DefaultValue("1s") Duration pollInterval, @DefaultValue("5s") Duration staleAfter) {
    }

    public record Api(@DefaultValue("10000") int requestsPerSecond, @DefaultValue("1000") int maxBatch,
                      @DefaultValue("1000") int maxFeedPage) {
    }
}
