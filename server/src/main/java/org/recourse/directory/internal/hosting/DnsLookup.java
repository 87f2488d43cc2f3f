package org.recourse.directory.internal.hosting;

import java.util.List;

/** Looks a host name up in the DNS. Replaceable so tests can answer without a DNS server. */
public interface DnsLookup {

    /** @param aliases the CNAME chain followed, first hop first */
    record Answer(List<String> aliases, List<String> addresses) {
    }

    Answer lookup(String host);
}
