package org.recourse.intake.internal.cases;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Brings a reported URL into one canonical form so the same content reported twice is recognised:
 * lower-case scheme and host (IDN as punycode), no default port, no fragment, no tracking
 * parameters, {@code /} for an empty path, dot segments resolved. A URL pasted without scheme is
 * taken as {@code https}. Characters browsers show unencoded (spaces, accents) are percent-encoded.
 */
public final class UrlNormaliser {

    public static final int MAX_LENGTH = 2048;

    private static final Pattern SHAPE = Pattern.compile(
            "^(?:([a-zA-Z][a-zA-Z0-9+.-]*):)?//([^/?#]*)([^?#]*)(?:\\?([^#]*))?(?:#.*)?$", Pattern.DOTALL);
    private static final Pattern USERINFO_HOST_PORT = Pattern.compile("^(?:[^@]*@)?([^:]*|\\[[^]]*])(?::(\\d*))?$");
    // Compiled once: every report's every URL passes here, and String.matches compiles on each call.
    private static final Pattern SCHEME_ONLY = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:.*");
    private static final Pattern HOST_AND_PORT = Pattern.compile("^[^:/]+:\\d+.*");
    private static final Pattern IP_LITERAL = Pattern.compile("^\\[[0-9a-fA-F:.]+]$");
    private static final Pattern DNS_NAME =
            Pattern.compile("^[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?(\\.[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?)*$");
    private static final Set<String> TRACKING = Set.of("fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid",
            "igshid", "igsh", "mc_cid", "mc_eid", "_ga", "_gl", "yclid", "twclid", "ttclid", "si", "mkt_tok");

    private UrlNormaliser() {
    }

    /** The canonical URL and its host. */
    public record NormalisedUrl(String value, String host) {
    }

    /** Why a URL was refused; {@code messageKey} explains it to the reporter. */
    public static final class InvalidUrl extends Exception {
        private final String messageKey;

        InvalidUrl(String messageKey) {
            super(messageKey, null, false, false);
            this.messageKey = messageKey;
        }

        public String messageKey() {
            return messageKey;
        }
    }

    public static NormalisedUrl normalise(String raw) throws InvalidUrl {
        String input = raw == null ? "" : raw.strip();
        if (input.isEmpty()) {
            throw new InvalidUrl("intake.url.empty");
        }
        if (input.length() > MAX_LENGTH) {
            throw new InvalidUrl("intake.url.too-long");
        }
        if (!input.contains("://")) {
            if (SCHEME_ONLY.matcher(input).matches() && !HOST_AND_PORT.matcher(input).matches()) {
                throw new InvalidUrl("intake.url.scheme");
            }
            input = "https://" + input.replaceFirst("^//", "");
        }
        Matcher shape = SHAPE.matcher(input);
        if (!shape.matches()) {
            throw new InvalidUrl("intake.url.syntax");
        }
        String scheme = shape.group(1) == null ? "https" : shape.group(1).toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new InvalidUrl("intake.url.scheme");
        }
        Matcher authority = USERINFO_HOST_PORT.matcher(shape.group(2));
        if (!authority.matches()) {
            throw new InvalidUrl("intake.url.host");
        }
        String host = host(authority.group(1));
        int port = port(authority.group(2));
        boolean defaultPort = port < 0 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        String path = encode(shape.group(3).isEmpty() ? "/" : shape.group(3));
        String query = query(shape.group(4));
        String text = scheme + "://" + host + (defaultPort ? "" : ":" + port) + path + (query.isEmpty() ? "" : "?" + query);
        try {
            URI uri = new URI(text).normalize();
            String normalised = uri.toASCIIString();
            if (uri.getRawPath() == null || uri.getRawPath().isEmpty()) {
                normalised = scheme + "://" + uri.getRawAuthority() + "/" + (query.isEmpty() ? "" : "?" + query);
            }
            return new NormalisedUrl(normalised, host);
        } catch (URISyntaxException e) {
            throw new InvalidUrl("intake.url.syntax");
        }
    }

    private static String host(String raw) throws InvalidUrl {
        String host = raw.endsWith(".") ? raw.substring(0, raw.length() - 1) : raw;
        if (host.isEmpty()) {
            throw new InvalidUrl("intake.url.host");
        }
        if (host.startsWith("[")) {
            if (!IP_LITERAL.matcher(host).matches()) {
                throw new InvalidUrl("intake.url.host");
            }
            return host.toLowerCase(Locale.ROOT);
        }
        try {
            String ascii = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
            if (!DNS_NAME.matcher(ascii).matches()) {
                throw new InvalidUrl("intake.url.host");
            }
            return ascii;
        } catch (IllegalArgumentException e) {
            throw new InvalidUrl("intake.url.host");
        }
    }

    private static int port(String raw) throws InvalidUrl {
        if (raw == null || raw.isEmpty()) {
            return -1;
        }
        if (raw.length() > 5 || Integer.parseInt(raw) > 65535 || Integer.parseInt(raw) == 0) {
            throw new InvalidUrl("intake.url.port");
        }
        return Integer.parseInt(raw);
    }

    private static String query(String raw) {
        if (raw == null || raw.isEmpty()) {
            return "";
        }
        List<String> kept = new ArrayList<>();
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            String name = pair.split("=", 2)[0].toLowerCase(Locale.ROOT);
            if (!name.startsWith("utm_") && !TRACKING.contains(name)) {
                kept.add(encode(pair));
            }
        }
        return String.join("&", kept);
    }

    /** Percent-encodes what may not stand in a URI as is; existing escapes are kept. */
    private static String encode(String part) {
        StringBuilder out = new StringBuilder(part.length());
        for (byte b : part.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            boolean allowed = c > 32 && c < 127 && "\"<>\\^`{|}".indexOf(c) < 0;
            if (allowed) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
