package org.recourse.intake.internal.updates;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The sender's side of victim updates: what is due to whom, and that it was sent. */
@Repository
class UpdateDeliveries {

    /** Whether the reporter of case {@code c} can get e-mails about news (an address, agreement to be contacted, the case still hers); whether she stopped them is apart. */
    static final String CAN_GET_UPDATES = """
            c.contact_consent and c.contact_email is not null and c.personal_data_removed_at is null and c.status <> 'WITHDRAWN'""";

    private final JdbcClient jdbc;

    UpdateDeliveries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What the sender needs, or empty when the e-mail is no longer wanted (then it is cancelled). */
    record Due(UUID id, UUID caseId, String address, String messageId, String stopToken) {
    }

    @Transactional
    public Optional<Due> due(UUID updateId) {
        Optional<Due> due = jdbc.sql("""
                        select u.id, u.case_id, c.contact_email, u.message_id, u.stop_token from intake_victim_update u
                        join intake_case c on c.id = u.case_id
                        where u.id = ? and u.status = 'queued' and c.updates_stopped_at is null""" + " and " + CAN_GET_UPDATES)
                .param(updateId)
                .query((rs, n) -> new Due(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getString(4), rs.getString(5)))
                .optional();
        if (due.isEmpty()) {
            jdbc.sql("update intake_victim_update set status = 'cancelled' where id = ? and status = 'queued'").param(updateId).update();
        }
        return due;
    }

    @Transactional
    public void sent(UUID updateId, Instant at) {
        jdbc.sql("update intake_victim_update set status = 'sent', sent_at = ? where id = ? and status = 'queued'")
                .params(Timestamp.from(at), updateId).update();
    }

}
