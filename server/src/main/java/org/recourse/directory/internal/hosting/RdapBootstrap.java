package org.recourse.directory.internal.hosting;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.recourse.evidence.FetchLimits;
import org.recourse.evidence.FetchResult;
import org.recourse.evidence.SafeFetcher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The IANA RDAP bootstrap files (RFC 9224): which RDAP server answers for an address block or a
 * top-level domain. The copy last fetched from IANA is kept in the database (so every node uses
 * the same one); until the first refresh, the copy shipped in the jar is used.
 */
@Component
public class RdapBootstrap {

    public static final List<String> KINDS = List.of("ipv4", "ipv6", "dns");

    private record Service(List<String> keys, String url) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final SafeFetcher fetcher;
    private final Clock clock;
    private final Map<String, List<Service>> loaded = new ConcurrentHashMap<>();

    RdapBootstrap(JdbcClient jdbc, JsonMapper json, SafeFetcher fetcher, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.fetcher = fetcher;
        this.clock = clock;
    }

    /** The RDAP base URL (ending in {@code /}) for an address, if any registry serves it. */
    public Optional<String> forAddress(InetAddress address) {
        List<Service> services = services(address.getAddress().length == 4 ? "ipv4" : "ipv6");
        String best = null;
        int bestLength = -1;
        for (Service service : services) {
            for (String key : service.keys()) {
                AddressRange range = AddressRange.parse(key);
                if (range.contains(address) && range.prefixLength() > bestLength) {
                    best = service.url();
                    bestLength = range.prefixLength();
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** The RDAP base URL for a domain's top-level domain. */
    public Optional<String> forDomain(String domain) {
        String tld = domain.substring(domain.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return services("dns").stream().filter(s -> s.keys().contains(tld)).map(Service::url).findFirst();
    }

    /** Fetches the three files from IANA through the safe fetcher and stores them for every node. */
    public void refresh(String baseUrl) throws Exception {
        for (String kind : KINDS) {
            FetchResult result = fetcher.fetch(URI.create(baseUrl + kind + ".json"),
                    FetchLimits.defaults().withMaxBytes(5L * 1024 * 1024));
            if (result.status() != 200) {
                throw new IOException("IANA answered " + result.status() + " for " + kind);
            }
            String body = new String(result.body(), StandardCharsets.UTF_8);
            parse(body);
            jdbc.sql("""
                            insert into directory_rdap_bootstrap (kind, body, fetched_at) values (?, ?, ?)
                            on conflict (kind) do update set body = excluded.body, fetched_at = excluded.fetched_at""")
                    .params(kind, body, Timestamp.from(clock.instant())).update();
            loaded.remove(kind);
        }
    }

    private List<Service> services(String kind) {
        return loaded.computeIfAbsent(kind, k -> parse(jdbc.sql("select body from directory_rdap_bootstrap where kind = ?")
                .param(k).query(String.class).optional().orElseGet(() -> shipped(k))));
    }

    private List<Service> parse(String body) {
        List<Service> services = new ArrayList<>();
        for (JsonNode service : json.readTree(body).get("services")) {
            List<String> keys = new ArrayList<>();
            service.get(0).forEach(k -> keys.add(k.asString().toLowerCase(Locale.ROOT)));
            String url = null;
            for (JsonNode candidate : service.get(1)) {
                String value = candidate.asString();
                if (url == null || value.startsWith("https://")) {
                    url = value.endsWith("/") ? value : value + "/";
                }
                if (value.startsWith("https://")) {
                    break;
                }
            }
            services.add(new Service(keys, url));
        }
        return services;
    }

    private static String shipped(String kind) {
        try (InputStream in = RdapBootstrap.class.getResourceAsStream("/directory/rdap-bootstrap-" + kind + ".json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
