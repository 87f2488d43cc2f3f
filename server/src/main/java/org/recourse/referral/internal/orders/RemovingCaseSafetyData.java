package org.recourse.referral.internal.orders;

import org.recourse.audit.AuditActor;
import org.recourse.audit.AuditTrail;
import org.recourse.intake.CaseDataRemoved;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A withdrawn case, or one whose retention ended, takes its safety data along: the protection
 * orders recorded on it (names and accounts of the person bound) with their possible breaches,
 * breaches its own reports were, and the digital-safety checks and their exports.
 */
@Component
class RemovingCaseSafetyData {

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    RemovingCaseSafetyData(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @ApplicationModuleListener
    void on(CaseDataRemoved removed) {
        AuditActor.runAs("system:referral", () -> {
            int orders = remove(removed.caseId());
            if (orders > 0) {
                audit.record("safety-data.removed", "case", removed.caseId().toString(), "reason=" + removed.reason().name().toLowerCase());
            }
        });
    }

    private int remove(java.util.UUID caseId) {
        int removed = jdbc.sql("""
                delete from referral_order_breach where case_id = :case
                    or order_id in (select id from referral_protection_order where case_id = :case)""").param("case", caseId).update();
        removed += jdbc.sql("delete from referral_protection_order where case_id = ?").param(caseId).update();
        removed += jdbc.sql("delete from referral_safety_export where case_id = ?").param(caseId).update();
        removed += jdbc.sql("delete from referral_safety_answer where check_id in (select id from referral_safety_check where case_id = ?)")
                .param(caseId).update();
        removed += jdbc.sql("delete from referral_safety_check where case_id = ?").param(caseId).update();
        return removed;
    }
}
