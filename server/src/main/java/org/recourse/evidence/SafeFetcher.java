package org.recourse.evidence;

import java.net.URI;

/**
 * The one way to fetch reported content from the internet. It refuses addresses inside our own
 * network (loopback, private, link-local, metadata services, ...), connects to exactly the
 * address it checked, re-checks every redirect and enforces the size, time and type limits.
 */
public interface SafeFetcher {

    /**
     * @throws FetchRefusedException when the URL, an address, a redirect or a limit forbids the fetch;
     *                               its message says why, in words an analyst understands
     */
    FetchResult fetch(URI url, FetchLimits limits) throws FetchRefusedException;
}
