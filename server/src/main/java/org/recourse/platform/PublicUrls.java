package org.recourse.platform;

import java.net.URI;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Absolute addresses of this hotline, built from the one configured public base URL
 * ({@code RECOURSE_PUBLIC_BASE_URL}) and never from a request's {@code Host} header, which a
 * client chooses: links in e-mails, status URLs in API answers, dossiers and referral links all
 * point where the hotline says it lives.
 */
@Component
public class PublicUrls {

    private final String configured;
    private final Environment environment;
    private volatile URI base;

    /**
     * @param configured the public base URL; when empty (development), {@code http://localhost:PORT}
     *                   with the port the server actually listens on
     */
    PublicUrls(@Value("${recourse.public-base-url:}") String configured, Environment environment) {
        this.configured = configured.strip();
        this.environment = environment;
        if (!this.configured.isEmpty()) {
            this.base = parse(this.configured);
        }
    }

    private static URI parse(String value) {
        URI parsed;
        try {
            parsed = URI.create(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
        } catch (IllegalArgumentException e) {
            parsed = null;
        }
        if (parsed == null || parsed.getScheme() == null || parsed.getHost() == null
                || !(parsed.getScheme().equals("https") || parsed.getScheme().equals("http"))
                || parsed.getQuery() != null || parsed.getFragment() != null) {
            throw new IllegalArgumentException("RECOURSE_PUBLIC_BASE_URL must be an absolute http(s) address such as "
                    + "https://meldpunt.example.nl, without query or fragment; it is '" + value + "'");
        }
        return parsed;
    }

    /** The base address, without a trailing slash. */
    public URI base() {
        URI known = base;
        if (known == null) {
            String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
            known = parse("http://localhost:" + port);
            if (environment.getProperty("local.server.port") != null) {
                base = known;
            }
        }
        return known;
    }

    /** {@code path} (starting with {@code /}, with {@code {name}} variables) under the base address. */
    public URI absolute(String path, Object... variables) {
        return UriComponentsBuilder.fromUri(base()).path(path).buildAndExpand(variables).encode().toUri();
    }
}
