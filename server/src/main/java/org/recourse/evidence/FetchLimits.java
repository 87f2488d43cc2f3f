package org.recourse.evidence;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * What one fetch may cost.
 *
 * @param maxBytes     largest body accepted; a larger one is refused rather than cut, so a stored
 *                     object is never silently incomplete
 * @param maxRedirects redirects followed before giving up
 * @param timeout      the whole fetch, all redirects included
 * @param contentTypes accepted media types as prefixes ({@code image/}, {@code text/html}); empty accepts all
 */
public record FetchLimits(long maxBytes, int maxRedirects, Duration timeout, List<String> contentTypes) {

    public FetchLimits {
        if (maxBytes <= 0 || maxRedirects < 0 || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("limits must be positive");
        }
        contentTypes = List.copyOf(contentTypes);
    }

    /** A web page or anything it links: 20 MB, 5 redirects, 30 seconds, any type. */
    public static FetchLimits defaults() {
        return new FetchLimits(20L * 1024 * 1024, 5, Duration.ofSeconds(30), List.of());
    }

    public FetchLimits withMaxBytes(long bytes) {
        return new FetchLimits(bytes, maxRedirects, timeout, contentTypes);
    }

    public FetchLimits withContentTypes(List<String> types) {
        return new FetchLimits(maxBytes, maxRedirects, timeout, types);
    }

    public FetchLimits withMaxRedirects(int redirects) {
        return new FetchLimits(maxBytes, redirects, timeout, contentTypes);
    }

    public FetchLimits withTimeout(Duration total) {
        return new FetchLimits(maxBytes, maxRedirects, total, contentTypes);
    }

    public boolean accepts(String contentType) {
        if (contentTypes.isEmpty()) {
            return true;
        }
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT).trim();
        return contentTypes.stream().anyMatch(prefix -> type.startsWith(prefix.toLowerCase(Locale.ROOT)));
    }
}
