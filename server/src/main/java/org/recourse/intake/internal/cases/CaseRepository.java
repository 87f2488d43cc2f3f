package org.recourse.intake.internal.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.recourse.intake.CaseStatus;
import org.recourse.intake.Channel;
import org.recourse.intake.ReportedItem;
import org.recourse.intake.StatusChange;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads and writes cases, their items, status history, links and additions. */
@Repository
public class CaseRepository {

    private final JdbcClient jdbc;

    CaseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Inserts the case with its first status, RECEIVED, in one statement, unless its number is
     * taken; returns whether it was inserted.
     */
    boolean insert(UUID id, String caseNumber, String secretHash, ValidatedReport checked, Instant now) {
        NewReport r = checked.report();
        return jdbc.sql("""
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
                """)
                .param("id", id).param("number", caseNumber).param("secret", secretHash)
                .param("channel", r.channel().code()).param("reporterType", blankToNull(r.reporterType()))
                .param("forms", String.join(",", r.forms()))
                .param("otherForm", r.forms().contains("something_else") ? ReportValidation.trimmed(r.otherFormText()) : null)
                .param("notOnline", r.notOnline()).param("started", blankToNull(r.started()))
                .param("ongoing", blankToNull(r.ongoing())).param("minor", blankToNull(r.minor()))
                .param("childRoute", checked.childAbuseRoute()).param("police", blankToNull(r.policeContacted()))
                .param("description", ReportValidation.trimmed(r.description()))
                .param("consent", r.contact().consent())
                .param("email", r.contact().consent() ? ReportValidation.trimmed(r.contact().email()) : null)
                .param("phone", r.contact().consent() ? ReportValidation.trimmed(r.contact().phone()) : null)
                .param("gender", blankToNull(r.monitoring().gender()))
                .param("ageBand", blankToNull(r.monitoring().ageBand()))
                .param("relationship", blankToNull(r.monitoring().relationship()))
                .param("municipality", ReportValidation.trimmed(r.monitoring().municipality()))
                .param("organisation", ReportValidation.trimmed(r.origin().organisation()))
                .param("source", ReportValidation.trimmed(r.origin().source()))
                .param("reference", ReportValidation.trimmed(r.origin().externalReference()))
                .param("submittedBy", ReportValidation.trimmed(r.origin().submittedBy()))
                .param("now", Timestamp.from(now))
                .update() == 1;
    }

    /**
     * Inserts an item; a URL already reported in another open case is linked to the oldest such
     * case in the same statement.
     *
     * @return the case it was linked to, or null
     */
    UUID insertItem(UUID itemId, UUID caseId, int position, ValidatedReport.CheckedItem item, Instant now) {
        return jdbc.sql("""
                insert into reported_item (id, case_id, position, url, url_normalised, host, platform, account,
                    description, referer, linked_case_id, created_at)
                values (:id, :caseId, :position, :url, :normalised, :host, :platform, :account, :description,
                    :referer,
                    (select i.case_id from reported_item i join intake_case c on c.id = i.case_id
                     where i.url_normalised = :normalised and c.status not in ('CLOSED', 'WITHDRAWN')
                         and c.id <> :caseId
                     order by c.received_at limit 1),
                    :now)
                returning linked_case_id
                """)
                .param("id", itemId).param("caseId", caseId).param("position", position)
                .param("url", item.url()).param("normalised", item.normalisedUrl()).param("host", item.host())
                .param("platform", item.platform()).param("account", item.account())
                .param("description", item.description()).param("referer", item.referer())
                .param("now", Timestamp.from(now))
                .query((rs, n) -> Optional.ofNullable(rs.getObject("linked_case_id", UUID.class))).single().orElse(null);
    }

    public void link(UUID caseId, UUID linkedCaseId, String reason, Instant now) {
        jdbc.sql("""
                insert into case_link (case_id, linked_case_id, reason, created_at) values (?, ?, ?, ?)
                on conflict do nothing
                """).params(caseId, linkedCaseId, reason, Timestamp.from(now)).update();
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
        return jdbc.sql("select * from reported_item where case_id = ? order by position").param(caseId)
                .query((rs, n) -> new ReportedItem(rs.getObject("id", UUID.class), caseId, rs.getString("url_normalised"),
                        rs.getString("host"), rs.getString("platform"), rs.getString("account"),
                        rs.getString("description"), rs.getObject("linked_case_id", UUID.class)))
                .list();
    }

    public List<StatusChange> history(UUID caseId) {
        return jdbc.sql("select status, changed_at from case_status_history where case_id = ? order by changed_at, id")
                .param(caseId)
                .query((rs, n) -> new StatusChange(CaseStatus.valueOf(rs.getString("status")),
                        rs.getTimestamp("changed_at").toInstant()))
                .list();
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
