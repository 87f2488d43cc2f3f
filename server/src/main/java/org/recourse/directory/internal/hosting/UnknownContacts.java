package org.recourse.directory.internal.hosting;

import java.time.Clock;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.recourse.audit.AuditTrail;
import org.recourse.directory.Directory;
import org.recourse.directory.Organisation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hosters and registrars found through RDAP that the directory does not know yet. They are
 * created unconfirmed, with the RDAP abuse address as notice address, and are not used for
 * notices until an analyst has confirmed them.
 */
@Repository
public class UnknownContacts {

    private final JdbcClient jdbc;
    private final Directory directory;
    private final AuditTrail audit;
    private final JsonMapper json;
    private final Clock clock;

    UnknownContacts(JdbcClient jdbc, Directory directory, AuditTrail audit, JsonMapper json, Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.directory = directory;
        this.audit = audit;
        this.json = json;
    }

    /** The directory entry for an RDAP holder: found by name, else created unconfirmed. */
    String keyFor(RdapClient.Holder holder, String kind, String source) {
        Optional<Organisation> known = directory.findByName(holder.name());
        if (known.isPresent()) {
            return known.get().key();
        }
        String key = slug(holder.name());
        if (directory.findByKey(key).isPresent()) {
            key = key + "-" + UUID.randomUUID().toString().substring(0, 6);
        }
        UUID id = UUID.randomUUID();
        String notes = json.writeValueAsString(List.of(Map.of("date", java.time.LocalDate.now(clock).toString(), "source", source,
                "text", "Created from RDAP (" + (holder.handle() == null ? "no handle" : holder.handle())
                        + "); not yet confirmed by an analyst.")));
        int inserted = jdbc.sql("""
                        insert into directory_organisation (id, key, name, kind, notice_email, source_notes, version, updated_at,
                            updated_by, confirmed)
                        values (?, ?, ?, ?, ?, ?::jsonb, 1, now(), 'system:hoster-resolution', false)
                        on conflict do nothing""")
                .params(id, key, holder.name(), kind, holder.abuseEmail(), notes).update();
        if (inserted == 0) {
            return directory.findByName(holder.name()).map(Organisation::key).orElseThrow();
        }
        jdbc.sql("""
                        insert into directory_organisation_history (organisation_id, version, snapshot, changed_at, changed_by)
                        select id, 1, to_jsonb(o), now(), 'system:hoster-resolution' from directory_organisation o where id = ?""")
                .param(id).update();
        audit.record("directory.organisation-created-unconfirmed", "organisation", id.toString(), "from RDAP, kind=" + kind);
        return key;
    }

    public List<Organisation> unconfirmed() {
        List<String> keys = jdbc.sql("select key from directory_organisation where not confirmed order by name").query(String.class).list();
        return keys.stream().map(directory::findByKey).flatMap(Optional::stream).toList();
    }

    @org.springframework.transaction.annotation.Transactional
    public boolean confirm(String key, String by) {
        int changed = jdbc.sql("update directory_organisation set confirmed = true, updated_at = now(), updated_by = ? "
                + "where key = ? and not confirmed").params(by, key).update();
        if (changed == 1) {
            audit.record("directory.organisation-confirmed", "organisation", key, null);
        }
        return changed == 1;
    }

    static String slug(String name) {
        String plain = Normalizer.normalize(name == null ? "unknown" : name, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        plain = plain.length() > 40 ? plain.substring(0, 40).replaceAll("-+$", "") : plain;
        return plain.isEmpty() ? "unknown" : plain;
    }
}
