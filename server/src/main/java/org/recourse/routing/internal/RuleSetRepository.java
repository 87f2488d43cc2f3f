package org.recourse.routing.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class RuleSetRepository {

    /** A published version as stored. */
    record VersionRow(int version, String document, String note, Instant publishedAt, String publishedBy) {
    }

    private final JdbcClient jdbc;

    RuleSetRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Integer> latestVersion() {
        return jdbc.sql("select version from routing_rule_set_version order by version desc limit 1").query(Integer.class).optional();
    }

    Optional<VersionRow> find(int version) {
        return jdbc.sql("select * from routing_rule_set_version where version = ?").param(version)
                .query(RuleSetRepository::versionRow).optional();
    }

    List<VersionRow> all() {
        return jdbc.sql("select * from routing_rule_set_version order by version desc")
                .query(RuleSetRepository::versionRow).list();
    }

    /** Inserts version 1 unless any version exists; true if this call inserted it. */
    boolean insertFirst(String document, String note, Instant now, String actor) {
        return jdbc.sql("""
                        insert into routing_rule_set_version (version, document, note, published_at, published_by)
                        select 1, ?, ?, ?, ? where not exists (select 1 from routing_rule_set_version)
                        on conflict do nothing""")
                .params(document, note, Timestamp.from(now), actor).update() == 1;
    }

    void insert(int version, String document, String note, Instant now, String actor) {
        jdbc.sql("""
                        insert into routing_rule_set_version (version, document, note, published_at, published_by)
                        values (?, ?, ?, ?, ?)""")
                .params(version, document, note, Timestamp.from(now), actor).update();
    }

    /** The draft, locked until the transaction ends so two publishers cannot race. */
    Optional<RuleSetDraft> draftForUpdate() {
        return jdbc.sql("select * from routing_rule_draft where id = 1 for update").query(RuleSetRepository::draftRow).optional();
    }

    Optional<RuleSetDraft> draft() {
        return jdbc.sql("select * from routing_rule_draft where id = 1").query(RuleSetRepository::draftRow).optional();
    }

    void saveDraft(String document, int basedOn, Instant now, String actor) {
        jdbc.sql("""
                        insert into routing_rule_draft (id, document, based_on, updated_at, updated_by)
                        values (1, ?, ?, ?, ?)
                        on conflict (id) do update set document = excluded.document, based_on = excluded.based_on,
                            updated_at = excluded.updated_at, updated_by = excluded.updated_by""")
                .params(document, basedOn, Timestamp.from(now), actor).update();
    }

    void deleteDraft() {
        jdbc.sql("delete from routing_rule_draft where id = 1").update();
    }

    private static VersionRow versionRow(ResultSet rs, int row) throws SQLException {
        return new VersionRow(rs.getInt("version"), rs.getString("document"), rs.getString("note"),
                rs.getTimestamp("published_at").toInstant(), rs.getString("published_by"));
    }

    private static RuleSetDraft draftRow(ResultSet rs, int row) throws SQLException {
        int basedOn = rs.getInt("based_on");
        return new RuleSetDraft(rs.getString("document"), rs.wasNull() ? null : basedOn,
                rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"));
    }
}
