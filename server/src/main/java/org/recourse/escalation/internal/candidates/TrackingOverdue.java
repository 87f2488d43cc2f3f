package org.recourse.escalation.internal.candidates;

import java.sql.Timestamp;
import java.util.UUID;

import org.recourse.takedown.ItemTakenDown;
import org.recourse.takedown.NoticeOverdue;
import org.recourse.takedown.NotifiedItem;
import org.recourse.takedown.ResponseRecorded;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps escalation's view of overdue items from takedown's events: an overdue notice adds or
 * updates its items, a refusal is kept for an analyst to dispute, an item taken down leaves.
 * Every update is idempotent, so an event delivered again changes nothing.
 */
@Component
class TrackingOverdue {

    private final JdbcClient jdbc;

    TrackingOverdue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @ApplicationModuleListener
    void on(NoticeOverdue overdue) {
        for (NotifiedItem item : overdue.items()) {
            jdbc.sql("""
                            insert into escalation_item (reported_item_id, recipient_key, case_id, url, legal_status, forms,
                                child_sexual_abuse, notices_sent, first_overdue_at, last_notice_id)
                            values (?, ?, ?, ?, ?, ?::text[], ?, ?, ?, ?)
                            on conflict (reported_item_id, recipient_key) do update set
                                notices_sent = greatest(escalation_item.notices_sent, excluded.notices_sent),
                                first_overdue_at = least(escalation_item.first_overdue_at, excluded.first_overdue_at),
                                -- an earlier notice's announcement run again after a later one's keeps the later notice
                                last_notice_id = case when excluded.notices_sent >= escalation_item.notices_sent
                                                      then excluded.last_notice_id else escalation_item.last_notice_id end""")
                    .params(item.reportedItemId(), overdue.recipientKey(), item.caseId(), item.url(), item.legalStatus().code(),
                            array(item), item.childSexualAbuse(), item.noticesSent(), Timestamp.from(overdue.slaDueAt()),
                            overdue.noticeId())
                    .update();
        }
    }

    @ApplicationModuleListener
    void on(ResponseRecorded response) {
        if (response.decision() != ResponseRecorded.Decision.REFUSED) {
            return;
        }
        for (NotifiedItem item : response.items()) {
            jdbc.sql("""
                            insert into escalation_refusal (id, notice_id, reference, recipient_key, case_id, reported_item_id, url,
                                legal_status, forms, child_sexual_abuse, reasons, refused_at)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?::text[], ?, ?, ?)
                            on conflict (notice_id, reported_item_id) do nothing""")
                    .params(UUID.randomUUID(), response.noticeId(), response.reference(), response.recipientKey(), item.caseId(),
                            item.reportedItemId(), item.url(), item.legalStatus().code(), array(item), item.childSexualAbuse(),
                            response.reasons(), Timestamp.from(response.receivedAt()))
                    .update();
        }
    }

    @ApplicationModuleListener
    void on(ItemTakenDown takenDown) {
        Timestamp at = Timestamp.from(takenDown.offlineAt());
        jdbc.sql("update escalation_item set offline_at = ? where reported_item_id = ? and recipient_key = ? and offline_at is null")
                .params(at, takenDown.reportedItemId(), takenDown.recipientKey()).update();
        jdbc.sql("update escalation_refusal set offline_at = ? where reported_item_id = ? and recipient_key = ? and offline_at is null")
                .params(at, takenDown.reportedItemId(), takenDown.recipientKey()).update();
    }

    private static String array(NotifiedItem item) {
        return "{" + String.join(",", item.forms().stream().sorted().map(f -> "\"" + f.replace("\"", "") + "\"").toList()) + "}";
    }
}
