package org.recourse.evidence.internal.fetch;

import java.net.IDN;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

import org.recourse.evidence.FetchRefusedException;
import org.recourse.evidence.FetchRefusedException.Reason;

/**
 * A URL that passed the syntactic checks: http(s), no credentials, a host written in a way
 * every parser agrees on. {@code literal} is set when the host is an IP address, so no DNS
 * lookup happens for it.
 */
record FetchTarget(URI url, boolean https, String host, int port, InetAddress literal) {

    private static final Pattern DOTTED_QUAD =
            Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    /** A label that some URL parser would read as a number: decimal, octal (0...) or hex (0x...). */
    private static final Pattern NUMERIC_LABEL = Pattern.compile("(0x[0-9a-f]*|[0-9]+)");
    private static final Pattern HOST_NAME = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");

    static FetchTarget of(URI url) throws FetchRefusedException {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new FetchRefusedException(Reason.SCHEME,
                    "only http and https URLs can be fetched" + (scheme.isEmpty() ? "" : ", not " + scheme));
        }
        if (url.getRawUserInfo() != null || (url.getRawAuthority() != null && url.getRawAuthority().contains("@"))) {
            throw new FetchRefusedException(Reason.CREDENTIALS, "URLs with a user name or password are not fetched");
        }
        // java.net.URI gives no host for names it does not parse (127.1, bücher.example, under_scores):
        // read the authority ourselves. Whatever is read here is what gets checked and connected to.
        String rawHost = url.getHost();
        int explicitPort = url.getPort();
        if (rawHost == null && url.getAuthority() != null) {
            String authority = url.getAuthority();
            int close = authority.lastIndexOf(']');
            int colon = authority.lastIndexOf(':');
            rawHost = colon > close ? authority.substring(0, colon) : authority;
            explicitPort = colon > close ? port(authority.substring(colon + 1)) : -1;
        }
        if (rawHost == null || rawHost.isEmpty()) {
            throw new FetchRefusedException(Reason.HOST_NOTATION, "the URL has no host name that can be read unambiguously");
        }
        int port = explicitPort == -1 ? (scheme.equals("https") ? 443 : 80) : explicitPort;
        if (port < 1 || port > 65535) {
            throw new FetchRefusedException(Reason.HOST_NOTATION, "the port " + port + " is not valid");
        }
        boolean https = scheme.equals("https");
        if (rawHost.startsWith("[")) {
            return new FetchTarget(url, https, rawHost, port, ipv6Literal(rawHost));
        }
        String host = canonicalHost(rawHost);
        if (host.equals("onion") || host.endsWith(".onion")) {
            throw new FetchRefusedException(Reason.ONION,
                    ".onion addresses are Tor hidden services; they cannot be fetched from here, capture them with Tor Browser and upload the files");
        }
        if (host.equals("localhost") || host.endsWith(".localhost")) {
            throw new FetchRefusedException(Reason.FORBIDDEN_ADDRESS, host + " is this machine (loopback)");
        }
        String[] labels = host.split("\\.");
        if (NUMERIC_LABEL.matcher(labels[labels.length - 1]).matches()) {
            if (!DOTTED_QUAD.matcher(host).matches()) {
                throw new FetchRefusedException(Reason.HOST_NOTATION,
                        "the host " + rawHost + " is an IP address in an unusual notation (decimal, octal, hex or shortened)");
            }
            return new FetchTarget(url, https, host, port, parseLiteral(host));
        }
        if (!HOST_NAME.matcher(host).matches()) {
            throw new FetchRefusedException(Reason.HOST_NOTATION, "the host name " + rawHost + " is not a valid DNS name");
        }
        return new FetchTarget(url, https, host, port, null);
    }

    /** The value for the Host header and TLS SNI: the host as the URL wrote it, plus a non-default port. */
    String hostHeader() {
        boolean defaultPort = port == (https ? 443 : 80);
        return defaultPort ? host : host + ":" + port;
    }

    String requestTarget() {
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        return url.getRawQuery() == null ? path : path + "?" + url.getRawQuery();
    }

    private static int port(String digits) throws FetchRefusedException {
        if (!digits.matches("\\d{1,5}")) {
            throw new FetchRefusedException(Reason.HOST_NOTATION, "the port " + digits + " is not valid");
        }
        return Integer.parseInt(digits);
    }

    private static String canonicalHost(String rawHost) throws FetchRefusedException {
        String host = rawHost.toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        try {
            return IDN.toASCII(host, IDN.USE_STD3_ASCII_RULES);
        } catch (IllegalArgumentException e) {
            throw new FetchRefusedException(Reason.HOST_NOTATION, "the host name " + rawHost + " is not a valid DNS name");
        }
    }

    private static InetAddress ipv6Literal(String bracketed) throws FetchRefusedException {
        String inside = bracketed.substring(1, bracketed.length() - 1);
        if (inside.contains("%")) {
            throw new FetchRefusedException(Reason.HOST_NOTATION, "IPv6 addresses with a zone (interface) are not fetched");
        }
        if (!inside.matches("[0-9a-fA-F:.]+")) {
            throw new FetchRefusedException(Reason.HOST_NOTATION, "the address " + bracketed + " cannot be read");
        }
        return parseLiteral(inside);
    }

    /** Parses an address literal; InetAddress does no DNS lookup for a literal. */
    private static InetAddress parseLiteral(String literal) throws FetchRefusedException {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new FetchRefusedException(Reason.HOST_NOTATION, "the address " + literal + " cannot be read");
        }
    }
}
