package org.recourse.evidence;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What the fetcher received for the last hop, and the hops before it.
 *
 * @param status                 HTTP status of the final response
 * @param headers                response headers in the order received
 * @param finalUrl               the URL after redirects
 * @param resolvedIp             the address actually connected to for the final response
 * @param tlsCertificateSha256   SHA-256 (hex) of the server's leaf certificate; null over plain HTTP
 * @param body                   the raw body bytes, exactly as received (no decoding)
 * @param fetchedAt              when the final response arrived (UTC)
 * @param hops                   every request made, redirects first
 */
public record FetchResult(int status, List<Header> headers, URI finalUrl, String resolvedIp,
                          String tlsCertificateSha256, byte[] body, Instant fetchedAt, List<Hop> hops) {

    public FetchResult {
        headers = List.copyOf(headers);
        hops = List.copyOf(hops);
    }

    public record Header(String name, String value) {
    }

    /** One request of a redirect chain. */
    public record Hop(URI url, String resolvedIp, int status) {
    }

    public Optional<String> header(String name) {
        return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(Header::value).findFirst();
    }

    /** The media type without parameters, lower case, or empty when the server sent none. */
    public String contentType() {
        return header("Content-Type").map(v -> v.split(";", 2)[0].trim().toLowerCase(Locale.ROOT)).orElse("");
    }
}
