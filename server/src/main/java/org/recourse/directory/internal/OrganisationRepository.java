package org.recourse.directory.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.recourse.directory.Organisation;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The directory tables. Every write also appends the new state to the history table in the same
 * statement sequence, so current state and history cannot disagree.
 */
@Repository
class OrganisationRepository {

    private static final String COLUMNS_FROM_SNAPSHOT =
            "(jsonb_populate_record(null::directory_organisation, h.snapshot)).*";

    private final JdbcClient jdbc;
    private final OrganisationRows rows;

    OrganisationRepository(JdbcClient jdbc, OrganisationRows rows) {
        this.jdbc = jdbc;
        this.rows = rows;
    }

    Optional<Organisation> findById(UUID id) {
        return jdbc.sql("select * from directory_organisation where id = ?").param(id).query(rows::map).optional();
    }

    Optional<Organisation> findByKey(String key) {
        return jdbc.sql("select * from directory_organisation where key = ?").param(key).query(rows::map).optional();
    }

    /** By name or alias, case-insensitively; a name wins over another entry's alias. */
    Optional<Organisation> findByName(String name) {
        return jdbc.sql("""
                        select * from directory_organisation
                        where lower(name) = lower(:name)
                           or exists (select 1 from unnest(aliases) alias where lower(alias) = lower(:name))
                        order by (lower(name) = lower(:name)) desc, name
                        limit 1""")
                .param("name", name.trim()).query(rows::map).optional();
    }

    List<Organisation> withAnyDomain(List<String> domains) {
        return jdbc.sql("""
                        select * from directory_organisation
                        where domains && array(select jsonb_array_elements_text(?::jsonb))""")
                .param(rows.listJson(domains)).query(rows::map).list();
    }

    /** Entries whose name, alias, key or domain contains {@code text}; all entries when it is blank. */
    List<Organisation> search(String text) {
        String pattern = "%" + text.trim().toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbc.sql("""
                        select * from directory_organisation o
                        where lower(o.name) like :p or o.key like :p
                           or exists (select 1 from unnest(o.aliases || o.domains) v where lower(v) like :p)
                        order by lower(o.name)""")
                .param("p", pattern).query(rows::map).list();
    }

    boolean keyTaken(String key) {
        return jdbc.sql("select exists(select 1 from directory_organisation where key = ?)").param(key)
                .query(Boolean.class).single();
    }

    boolean nameTaken(String name, UUID except) {
        return jdbc.sql("select exists(select 1 from directory_organisation where lower(name) = lower(?) and id <> ?)")
                .params(name.trim(), except == null ? new UUID(0, 0) : except).query(Boolean.class).single();
    }

    void insert(UUID id, OrganisationDetails details, Instant now, String actor) {
        jdbc.sql("""
                        insert into directory_organisation (id, key, name, kind, country, legal_representative,
                            legal_representative_country, vlop, video_platform, trusted_flagger, dsa_contact,
                            notice_email, notice_xarf, notice_api, notice_form, website, phone, languages, aliases,
                            domains, source_notes, version, updated_at, updated_by)
                        values (:id, :key, :name, :kind, :country, :rep, :repCountry, :vlop, :video, :tf, :dsa,
                            :email, :xarf, :api, :form, :website, :phone,
                            array(select jsonb_array_elements_text(cast(:languages as jsonb))),
                            array(select jsonb_array_elements_text(cast(:aliases as jsonb))),
                            array(select jsonb_array_elements_text(cast(:domains as jsonb))),
                            cast(:notes as jsonb), 1, :now, :actor)""")
                .paramSource(parameters(details, now, actor).addValue("id", id).addValue("key", details.key()))
                .update();
        appendHistory(id);
    }

    /** Saves a change if nobody else saved one since {@code expectedVersion}; false if someone did. */
    boolean update(UUID id, int expectedVersion, OrganisationDetails details, Instant now, String actor) {
        int changed = jdbc.sql("""
                        update directory_organisation set name = :name, kind = :kind, country = :country,
                            legal_representative = :rep, legal_representative_country = :repCountry, vlop = :vlop,
                            video_platform = :video, trusted_flagger = :tf, dsa_contact = :dsa,
                            notice_email = :email, notice_xarf = :xarf, notice_api = :api, notice_form = :form, website = :website,
                            phone = :phone,
                            languages = array(select jsonb_array_elements_text(cast(:languages as jsonb))),
                            aliases = array(select jsonb_array_elements_text(cast(:aliases as jsonb))),
                            domains = array(select jsonb_array_elements_text(cast(:domains as jsonb))),
                            source_notes = cast(:notes as jsonb), version = version + 1, updated_at = :now,
                            updated_by = :actor
                        where id = :id and version = :expected""")
                .paramSource(parameters(details, now, actor).addValue("id", id).addValue("expected", expectedVersion))
                .update();
        if (changed == 1) {
            appendHistory(id);
        }
        return changed == 1;
    }

    List<OrganisationVersion> history(UUID id) {
        return jdbc.sql("select " + COLUMNS_FROM_SNAPSHOT + ", h.changed_at, h.changed_by "
                        + "from directory_organisation_history h where h.organisation_id = ? order by h.version desc")
                .param(id)
                .query((rs, row) -> new OrganisationVersion(rows.map(rs, row),
                        rs.getTimestamp("changed_at").toInstant(), rs.getString("changed_by")))
                .list();
    }

    private void appendHistory(UUID id) {
        jdbc.sql("""
                        insert into directory_organisation_history (organisation_id, version, snapshot, changed_at, changed_by)
                        select o.id, o.version, to_jsonb(o), o.updated_at, o.updated_by
                        from directory_organisation o where o.id = ?""")
                .param(id).update();
    }

    private MapSqlParameterSource parameters(OrganisationDetails d, Instant now, String actor) {
        return new MapSqlParameterSource()
                .addValue("name", d.name()).addValue("kind", d.kind().code()).addValue("country", d.country())
                .addValue("rep", d.legalRepresentative()).addValue("repCountry", d.legalRepresentativeCountry())
                .addValue("vlop", d.vlop()).addValue("video", d.videoPlatform()).addValue("tf", d.trustedFlagger())
                .addValue("dsa", d.dsaContact()).addValue("email", d.noticeEmail()).addValue("xarf", d.noticeXarf()).addValue("api", d.noticeApi())
                .addValue("form", d.noticeForm()).addValue("website", d.website()).addValue("phone", d.phone())
                .addValue("languages", rows.listJson(d.languages())).addValue("aliases", rows.listJson(d.aliases()))
                .addValue("domains", rows.listJson(d.domains())).addValue("notes", rows.notesJson(d.sourceNotes()))
                .addValue("now", Timestamp.from(now)).addValue("actor", actor);
    }
}
