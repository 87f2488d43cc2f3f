package org.recourse.directory.internal.hosting;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.recourse.evidence.FetchLimits;
import org.recourse.evidence.FetchResult;
import org.recourse.evidence.SafeFetcher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * RDAP queries through the safe fetcher, answers cached in the database for {@code cacheFor} so
 * repeated resolutions of one network do not hammer the registries.
 */
@Component
class RdapClient {

    /** Who holds a network or registered a domain, and where abuse goes. */
    record Holder(String name, String handle, String abuseEmail) {
    }

    private final SafeFetcher fetcher;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final Duration cacheFor;

    RdapClient(SafeFetcher fetcher, JdbcClient jdbc, JsonMapper json, Clock clock, HostingSettings settings) {
        this.fetcher = fetcher;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.cacheFor = settings.rdapCache();
    }

    /** The network holder (entity with role registrant, else the network's name) and its abuse contact. */
    Optional<Holder> network(String baseUrl, String address) throws Exception {
        return query(baseUrl + "ip/" + address).map(answer -> {
            JsonNode registrant = entity(answer, "registrant");
            String name = registrant != null && fn(registrant) != null ? fn(registrant) : text(answer, "name");
            return new Holder(name, text(answer, "handle"), abuseEmail(answer));
        });
    }

    /** The registrar of a domain and its abuse contact. */
    Optional<Holder> registrar(String baseUrl, String domain) throws Exception {
        return query(baseUrl + "domain/" + domain).map(answer -> {
            JsonNode registrar = entity(answer, "registrar");
            return registrar == null ? null : new Holder(fn(registrar), text(registrar, "handle"), abuseEmail(registrar));
        });
    }

    private Optional<JsonNode> query(String url) throws Exception {
        Optional<String> cached = jdbc.sql("select answer from directory_rdap_cache where query = ? and fetched_at > ?")
                .params(url, Timestamp.from(clock.instant().minus(cacheFor))).query(String.class).optional();
        if (cached.isPresent()) {
            return Optional.of(json.readTree(cached.get()));
        }
        FetchResult result = fetcher.fetch(URI.create(url), FetchLimits.defaults().withMaxBytes(2L * 1024 * 1024)
                .withTimeout(Duration.ofSeconds(20)));
        if (result.status() == 404) {
            return Optional.empty();
        }
        if (result.status() != 200) {
            throw new java.io.IOException("RDAP server answered " + result.status());
        }
        String body = new String(result.body(), StandardCharsets.UTF_8);
        JsonNode answer = json.readTree(body);
        jdbc.sql("""
                        insert into directory_rdap_cache (query, answer, fetched_at) values (?, ?, ?)
                        on conflict (query) do update set answer = excluded.answer, fetched_at = excluded.fetched_at""")
                .params(url, body, Timestamp.from(clock.instant())).update();
        return Optional.of(answer);
    }

    /** The first entity with the role, searched depth-first through nested entities. */
    static JsonNode entity(JsonNode node, String role) {
        JsonNode entities = node.get("entities");
        if (entities == null) {
            return null;
        }
        for (JsonNode entity : entities) {
            JsonNode roles = entity.get("roles");
            if (roles != null) {
                for (JsonNode r : roles) {
                    if (role.equals(r.asString())) {
                        return entity;
                    }
                }
            }
        }
        for (JsonNode entity : entities) {
            JsonNode nested = entity(entity, role);
            if (nested != null) {
                return nested;
            }
        }
        return null;
    }

    static String abuseEmail(JsonNode node) {
        JsonNode abuse = entity(node, "abuse");
        return abuse == null ? null : vcard(abuse, "email");
    }

    static String fn(JsonNode entity) {
        return vcard(entity, "fn");
    }

    static String vcard(JsonNode entity, String property) {
        JsonNode card = entity.get("vcardArray");
        if (card == null || card.size() < 2) {
            return null;
        }
        List<String> values = new ArrayList<>();
        for (JsonNode field : card.get(1)) {
            if (property.equals(field.get(0).asString()) && field.size() > 3) {
                values.add(field.get(3).asString());
            }
        }
        return values.isEmpty() ? null : values.getFirst();
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}
