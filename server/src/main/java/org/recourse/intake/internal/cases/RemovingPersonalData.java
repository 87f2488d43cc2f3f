package org.recourse.intake.internal.cases;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Removes what identifies a reporter or victim from a case — contact details, free text, account
 * names, and the path of every reported URL (the site is kept) — while the coded fields that
 * statistics need stay: forms, channel, reporter type, monitoring answers, dates, statuses.
 * Used when a reporter withdraws and when a closed case reaches the end of its retention.
 */
@Component
public class RemovingPersonalData {

    private final JdbcClient jdbc;

    RemovingPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void removeFrom(UUID caseId, Instant now) {
        jdbc.sql("""
                update intake_case set contact_email = null, contact_phone = null, contact_consent = false,
                    description = null, other_form_text = null, personal_data_removed_at = ?
                where id = ?
                """).params(Timestamp.from(now), caseId).update();
        jdbc.sql("update reported_item set description = null, account = null where case_id = ?").param(caseId).update();
        jdbc.sql("update case_addition set body = null where case_id = ? and kind = 'text'").param(caseId).update();
    }

    /** After retention the reported addresses go too: only the site stays, for statistics. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void anonymiseUrls(UUID caseId) {
        jdbc.sql("""
                update reported_item
                set url = case when url is null then null else 'https://' || host || '/' end,
                    url_normalised = case when url_normalised is null then null else 'https://' || host || '/' end,
                    referer = null
                where case_id = ?
                """).param(caseId).update();
    }
}
