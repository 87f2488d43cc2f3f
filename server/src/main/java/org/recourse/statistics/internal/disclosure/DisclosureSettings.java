package org.recourse.statistics.internal.disclosure;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Disclosure control: counts below {@code threshold} (and everything computed over fewer things)
 * are suppressed and shown as {@code <threshold}; percentages whose base is below
 * {@code roundingBase} are rounded to whole multiples of 5.
 */
@ConfigurationProperties("recourse.statistics.disclosure")
public record DisclosureSettings(Integer threshold, Integer roundingBase) {

    public DisclosureSettings {
        threshold = threshold == null ? 10 : threshold;
        roundingBase = roundingBase == null ? 100 : roundingBase;
        if (threshold < 2) {
            throw new IllegalArgumentException("recourse.statistics.disclosure.threshold must be at least 2");
        }
    }

    /** What a suppressed cell shows, e.g. {@code <10}. */
    public String symbol() {
        return "<" + threshold;
    }
}
