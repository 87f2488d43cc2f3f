package org.recourse.directory;

import java.util.List;

/**
 * What hoster resolution found for one host.
 *
 * @param aliases         the CNAME chain, first hop first
 * @param addresses       A and AAAA answers
 * @param cdn             the CDN or reverse proxy the addresses belong to ({@code cloudflare}), or null
 * @param hosterKey       directory key of who to notify as hoster: a domain rule's forced hoster, the
 *                        real host recorded behind a CDN, or the network holder from RDAP; null if unknown
 * @param hosterConfirmed false when the hoster entry was just created from RDAP and awaits an analyst
 * @param registrarKey    directory key of the registrar (forced by rule or from RDAP), or null
 * @param siteOwnerKey    a domain rule's "also notify the site owner", or null
 * @param doNotFetch      a domain rule forbids fetching this domain (monitoring leaves it to an analyst)
 * @param classifyAs      a domain rule's direct classification (e.g. {@code ILLEGAL}), or null
 * @param problems        lookups that failed, in words an analyst understands
 */
public record HostingResult(String host, List<String> aliases, List<String> addresses, String cdn, String hosterKey,
                            boolean hosterConfirmed, String registrarKey, String siteOwnerKey, boolean doNotFetch,
                            String classifyAs, List<String> problems) {

    public HostingResult {
        aliases = List.copyOf(aliases);
        addresses = List.copyOf(addresses);
        problems = List.copyOf(problems);
    }
}
