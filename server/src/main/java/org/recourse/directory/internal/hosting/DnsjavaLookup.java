package org.recourse.directory.internal.hosting;

import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Lookup;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * DNS over dnsjava, against the configured server ({@code host} or {@code host:port}) or the
 * system's resolvers when none is set. Nothing is cached here: the answer must reflect the DNS
 * now, because a moved site must be noticed.
 */
class DnsjavaLookup implements DnsLookup {

    private final Resolver resolver;

    DnsjavaLookup(String server, Duration timeout) {
        try {
            if (server == null || server.isBlank()) {
                resolver = Lookup.getDefaultResolver();
            } else {
                String[] parts = server.strip().split(":", 2);
                SimpleResolver simple = new SimpleResolver(parts[0]);
                if (parts.length == 2) {
                    simple.setPort(Integer.parseInt(parts[1]));
                }
                resolver = simple;
            }
            resolver.setTimeout(timeout);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("DNS server not found: " + server, e);
        }
    }

    @Override
    public Answer lookup(String host) {
        Set<String> aliases = new LinkedHashSet<>();
        List<String> addresses = new ArrayList<>();
        for (int type : new int[] {Type.A, Type.AAAA}) {
            try {
                Lookup lookup = new Lookup(Name.fromString(host.endsWith(".") ? host : host + "."), type);
                lookup.setResolver(resolver);
                lookup.setCache(null);
                Record[] records = lookup.run();
                for (Name alias : lookup.getAliases()) {
                    aliases.add(alias.toString(true));
                }
                if (records != null) {
                    for (Record record : records) {
                        if (record instanceof ARecord a) {
                            addresses.add(a.getAddress().getHostAddress());
                        } else if (record instanceof AAAARecord aaaa) {
                            addresses.add(aaaa.getAddress().getHostAddress());
                        }
                    }
                }
            } catch (TextParseException e) {
                return new Answer(List.of(), List.of());
            }
        }
        return new Answer(List.copyOf(aliases), addresses);
    }
}
