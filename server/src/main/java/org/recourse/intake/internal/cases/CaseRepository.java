package org.recourse.intake.internal.cases;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.recourse.intake.CaseStatus;
import org.recourse.intake.Channel;
import org.recourse.intake.ReportedItem;
import org.recourse.intake.StatusChange;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads and writes cases, their items, status history, links and additions. */
@Repository
public class CaseRepository {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final NamedParameterJdbcTemplate named;

    CaseRepository(JdbcClient jdbc, JdbcTemplate batch, NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.named = named;
    }

    /** A case to insert: its id, its number and the hash of the reporter's secret (or null). */
    record NewCase(UUID id, String caseNumber, String secretHash, ValidatedReport report) {
    }

    /**
     * Inserts the cases, each with its first status RECEIVED in the same statement, in one round
     * trip; a case whose number is already taken is left out.
     *
     * @return for each case, whether it was inserted
     */
    boolean[] insert(List<NewCase> newCases, Instant now) {
        SqlParameterSource[] rows = newCases.stream().map(c -> caseRow(c, now)).toArray(SqlParameterSource[]::new);
        int[] counts = named.batchUpdate("""
                with created as (
                    insert into intake_case (id, case_number, secret_hash, status, channel, reporter_type, forms,
                        other_form_text, not_online, started, ongoing, minor, child_abuse_route, police_contacted,
                        description, contact_consent, contact_email, contact_phone, gender, age_band, relationship,
                        municipality, organisation, source, external_reference, submitted_by, received_at, updated_at)
                    values (:id, :number, :secret, 'RECEIVED', :channel, :reporterType, string_to_array(:forms, ','),
                        :otherForm, :notOnline, :started, :ongoing, :minor, :childRoute, :police, :description, :consent,
                        :email, :phone, :gender, :ageBand, :relationship, :municipality, :organisation, :source,
                        :reference, :submittedBy, :now, :now)
                    on conflict (case_number) do nothing
                    returning id, received_at)
                insert into case_status_history (case_id, status, changed_at)
                select id, 'RECEIVED', received_at from created
                """, rows);
        boolean[] inserted = new boolean[counts.length];
        for (int i = 0; i < counts.length; i++) {
            inserted[i] = counts[i] == 1;
        }
        return inserted;
    }

    private static SqlParameterSource caseRow(NewCase c, Instant now) {
        NewReport r = c.report().report();
        return new MapSqlParameterSource()
                .addValue("id", c.id()).addValue("number", c.caseNumber()).addValue("secret", c.secretHash())
                .addValue("channel", r.channel().code()).addValue("reporterType", blankToNull(r.reporterType()))
                .addValue("forms", String.join(",", r.forms()))
                .addValue("otherForm", r.forms().contains("something_else") ? ReportValidation.trimmed(r.otherFormText()) : null)
                .addValue("notOnline", r.notOnline()).addValue("started", blankToNull(r.started()))
                .addValue("ongoing", blankToNull(r.ongoing())).addValue("minor", blankToNull(r.minor()))
                .addValue("childRoute", c.report().childAbuseRoute()).addValue("police", blankToNull(r.policeContacted()))
                .addValue("description", ReportValidation.trimmed(r.description()))
                .addValue("consent", r.contact().consent())
                .addValue("email", r.contact().consent() ? ReportValidation.trimmed(r.contact().email()) : null)
                .addValue("phone", r.contact().consent() ? ReportValidation.trimmed(r.contact().phone()) : null)
                .addValue("gender", blankToNull(r.monitoring().gender()))
                .addValue("ageBand", blankToNull(r.monitoring().ageBand()))
                .addValue("relationship", blankToNull(r.monitoring().relationship()))
                .addValue("municipality", ReportValidation.trimmed(r.monitoring().municipality()))
                .addValue("organisation", ReportValidation.trimmed(r.origin().organisation()))
                .addValue("source", ReportValidation.trimmed(r.origin().source()))
                .addValue("reference", ReportValidation.trimmed(r.origin().externalReference()))
                .addValue("submittedBy", ReportValidation.trimmed(r.origin().submittedBy()))
                .addValue("now", Timestamp.from(now));
    }

    /** An item to insert, with the earlier open case its URL was already reported in (or null). */
    record NewItem(UUID id, UUID caseId, int position, ValidatedReport.CheckedItem item, UUID linkedCaseId) {
    }

    void insertItems(List<NewItem> items, Instant now) {
        Timestamp at = Timestamp.from(now);
        batch.batchUpdate("""
                insert into reported_item (id, case_id, position, url, url_normalised, host, platform, account,
                    description, referer, linked_case_id, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, items, Math.max(1, items.size()), (ps, i) -> {
            ps.setObject(1, i.id());
            ps.setObject(2, i.caseId());
            ps.setInt(3, i.position());
            ps.setString(4, i.item().url());
            ps.setString(5, i.item().normalisedUrl());
            ps.setString(6, i.item().host());
            ps.setString(7, i.item().platform());
            ps.setString(8, i.item().account());
            ps.setString(9, i.item().description());
            ps.setString(10, i.item().referer());
            ps.setObject(11, i.linkedCaseId());
            ps.setTimestamp(12, at);
        });
    }

    /**
     * For each normalised URL, the open case that reported it first, with its number: where a new
     * item with that URL is linked to.
     */
    Map<String, LinkedCase> firstOpenCaseByUrl(Collection<String> normalisedUrls) {
        if (normalisedUrls.isEmpty()) {
            return Map.of();
        }
        Map<String, LinkedCase> found = new HashMap<>();
        jdbc.sql("""
                select distinct on (i.url_normalised) i.url_normalised, c.id, c.case_number
                from reported_item i join intake_case c on c.id = i.case_id
                where i.url_normalised = any(string_to_array(:urls, ' ')) and c.status not in ('CLOSED', 'WITHDRAWN')
                order by i.url_normalised, c.received_at
                """)
                // Normalised URLs never contain a space (they are percent-encoded), so a space separates them safely.
                .param("urls", String.join(" ", normalisedUrls))
                .query(rs -> {
                    found.put(rs.getString(1), new LinkedCase(rs.getObject(2, UUID.class), rs.getString(3), "same_url"));
                });
        return found;
    }

    /** A link to write between two cases, and why. */
    record NewLink(UUID caseId, UUID linkedCaseId, String reason) {
    }

    void link(List<NewLink> links, Instant now) {
        Timestamp at = Timestamp.from(now);
        batch.batchUpdate("""
                insert into case_link (case_id, linked_case_id, reason, created_at) values (?, ?, ?, ?)
                on conflict do nothing
                """, links, Math.max(1, links.size()), (ps, l) -> {
            ps.setObject(1, l.caseId());
            ps.setObject(2, l.linkedCaseId());
            ps.setString(3, l.reason());
            ps.setTimestamp(4, at);
        });
    }

    /** A partner's {@code Idempotency-Key} to claim for the case it creates. */
    record Claim(UUID apiKeyId, String key, String requestHash, UUID caseId) {
    }

    /**
     * Claims the keys in one round trip; a key another transaction holds makes this wait for that
     * transaction. Claims are made in key order, so two batches never wait for each other in a cycle.
     *
     * @return for each claim (in the given order), whether it was claimed here
     */
    boolean[] claim(List<Claim> claims, Instant now) {
        Integer[] order = new Integer[claims.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparing((Integer i) -> claims.get(i).apiKeyId())
                .thenComparing(i -> claims.get(i).key()));
        Timestamp at = Timestamp.from(now);
        int[] counts = batch.batchUpdate("""
                insert into api_idempotency (api_key_id, idempotency_key, request_hash, case_id, created_at)
                values (?, ?, ?, ?, ?) on conflict do nothing
                """, new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int n) throws SQLException {
                Claim c = claims.get(order[n]);
                ps.setObject(1, c.apiKeyId());
                ps.setString(2, c.key());
                ps.setString(3, c.requestHash());
                ps.setObject(4, c.caseId());
                ps.setTimestamp(5, at);
            }

            @Override
            public int getBatchSize() {
                return order.length;
            }
        });
        boolean[] claimed = new boolean[claims.size()];
        for (int n = 0; n < order.length; n++) {
            claimed[order[n]] = counts[n] == 1;
        }
        return claimed;
    }

    public void link(UUID caseId, UUID linkedCaseId, String reason, Instant now) {
        link(List.of(new NewLink(caseId, linkedCaseId, reason)), now);
    }

    /** Cases linked to this one in either direction, with their numbers. */
    public List<LinkedCase> links(UUID caseId) {
        return jdbc.sql("""
                select c.id, c.case_number, l.reason from case_link l
                join intake_case c on c.id = case when l.case_id = :id then l.linked_case_id else l.case_id end
                where l.case_id = :id or l.linked_case_id = :id order by c.received_at
                """).param("id", caseId)
                .query((rs, n) -> new LinkedCase(rs.getObject("id", UUID.class), rs.getString("case_number"),
                        rs.getString("reason"))).list();
    }

    public record LinkedCase(UUID id, String caseNumber, String reason) {
    }

    public void recordStatus(UUID caseId, CaseStatus status, Instant at) {
        jdbc.sql("insert into case_status_history (case_id, status, changed_at) values (?, ?, ?)")
                .params(caseId, status.name(), Timestamp.from(at)).update();
    }

    /** Moves an open case to {@code status}; false if it already had it or is closed. */
    public boolean changeStatus(UUID caseId, CaseStatus status, Instant at) {
        return jdbc.sql("""
                update intake_case set status = ?, updated_at = ?
                where id = ? and status <> ? and status not in ('CLOSED', 'WITHDRAWN')
                """).params(status.name(), Timestamp.from(at), caseId, status.name()).update() == 1;
    }

    public Optional<CaseRecord> find(UUID id) {
        return jdbc.sql("select * from intake_case where id = ?").param(id).query(CaseRepository::map).optional();
    }

    public Optional<CaseRecord> findByNumber(String caseNumber) {
        return jdbc.sql("select * from intake_case where case_number = ?").param(caseNumber)
                .query(CaseRepository::map).optional();
    }

    /** Locks the case row for the rest of the transaction. */
    public Optional<CaseRecord> lock(UUID id) {
        return jdbc.sql("select * from intake_case where id = ? for update").param(id).query(CaseRepository::map).optional();
    }

    public List<ReportedItem> items(UUID caseId) {
        return itemsOf(List.of(caseId)).getOrDefault(caseId, List.of());
    }

    /** Items of the cases, each case's in reported order. */
    public Map<UUID, List<ReportedItem>> itemsOf(Collection<UUID> caseIds) {
        Map<UUID, List<ReportedItem>> byCase = new HashMap<>();
        jdbc.sql("select * from reported_item where case_id = any(" + UUIDS + ") order by case_id, position")
                .param("ids", joined(caseIds))
                .query(rs -> {
                    UUID caseId = rs.getObject("case_id", UUID.class);
                    byCase.computeIfAbsent(caseId, id -> new ArrayList<>()).add(new ReportedItem(
                            rs.getObject("id", UUID.class), caseId, rs.getString("url_normalised"), rs.getString("host"),
                            rs.getString("platform"), rs.getString("account"), rs.getString("description"),
                            rs.getObject("linked_case_id", UUID.class)));
                });
        return byCase;
    }

    public List<CaseRecord> findAll(Collection<UUID> caseIds) {
        return jdbc.sql("select * from intake_case where id = any(" + UUIDS + ")").param("ids", joined(caseIds))
                .query(CaseRepository::map).list();
    }

    public Map<UUID, List<StatusChange>> histories(Collection<UUID> caseIds) {
        Map<UUID, List<StatusChange>> byCase = new HashMap<>();
        jdbc.sql("select case_id, status, changed_at from case_status_history where case_id = any(" + UUIDS
                        + ") order by changed_at, id")
                .param("ids", joined(caseIds))
                .query(rs -> {
                    byCase.computeIfAbsent(rs.getObject("case_id", UUID.class), id -> new ArrayList<>())
                            .add(new StatusChange(CaseStatus.valueOf(rs.getString("status")),
                                    rs.getTimestamp("changed_at").toInstant()));
                });
        return byCase;
    }

    /** A list of ids as one parameter: {@code :ids}, comma-separated. */
    private static final String UUIDS = "string_to_array(:ids, ',')::uuid[]";

    private static String joined(Collection<UUID> ids) {
        return ids.stream().map(UUID::toString).collect(java.util.stream.Collectors.joining(","));
    }

    public List<StatusChange> history(UUID caseId) {
        return histories(List.of(caseId)).getOrDefault(caseId, List.of());
    }

    static CaseRecord map(ResultSet rs, int row) throws SQLException {
        Timestamp removed = rs.getTimestamp("personal_data_removed_at");
        return new CaseRecord(rs.getObject("id", UUID.class), rs.getString("case_number"), rs.getString("secret_hash"),
                CaseStatus.valueOf(rs.getString("status")), Channel.fromCode(rs.getString("channel")),
                rs.getString("reporter_type"), Arrays.asList((String[]) rs.getArray("forms").getArray()),
                rs.getString("other_form_text"), rs.getBoolean("not_online"), rs.getString("started"),
                rs.getString("ongoing"), rs.getString("minor"), rs.getBoolean("child_abuse_route"),
                rs.getString("police_contacted"), rs.getString("description"), rs.getBoolean("contact_consent"),
                rs.getString("contact_email"), rs.getString("contact_phone"), rs.getString("gender"),
                rs.getString("age_band"), rs.getString("relationship"), rs.getString("municipality"),
                rs.getString("organisation"), rs.getString("source"), rs.getString("external_reference"),
                rs.getString("submitted_by"), rs.getInt("additions"), rs.getTimestamp("received_at").toInstant(),
                removed == null ? null : removed.toInstant());
    }

    private static String blankToNull(String value) {
        return NewReport.blank(value) ? null : value.strip();
    }
}
