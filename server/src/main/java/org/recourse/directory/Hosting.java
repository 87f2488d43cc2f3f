package org.recourse.directory;

import java.util.Collection;
import java.util.Set;

/**
 * Hoster resolution: who hosts a URL, who registered its domain, and what the hotline's domain
 * rules say about it. URL → DNS (CNAME chain, A/AAAA) → address → network holder and abuse
 * contact via RDAP; registrar via RDAP; CDNs recognised by their published address ranges.
 */
public interface Hosting {

    /** Resolves the host of {@code url}; never throws for lookups that fail, it reports what it could not find. */
    HostingResult resolve(String url);

    /** Which of these organisations have been confirmed by an analyst (entries created from RDAP start unconfirmed). */
    Set<String> confirmed(Collection<String> keys);
}
