package org.recourse.audit.internal;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.recourse.audit.AuditEntry;
import org.recourse.audit.AuditTrail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit trail for auditors and administrators: browse, filter, check the chain. */
@Controller
class AuditPages {

    private static final int PAGE_SIZE = 100;
    private final JdbcClient jdbc;
    private final AuditVerifier verifier;
    private final AuditTrail audit;

    AuditPages(JdbcClient jdbc, AuditVerifier verifier, AuditTrail audit) {
        this.jdbc = jdbc;
        this.verifier = verifier;
        this.audit = audit;
    }

    @GetMapping("/staff/audit")
    String list(@RequestParam(required = false) String actor,
                @RequestParam(required = false) String action,
                @RequestParam(required = false) String objectType,
                @RequestParam(required = false) String objectId,
                @RequestParam(required = false) LocalDate from,
                @RequestParam(required = false) Long before,
                Model model) {
        StringBuilder sql = new StringBuilder("select * from audit_entry where true");
        List<Object> params = new ArrayList<>();
        filter(sql, params, "actor = ?", actor);
        filter(sql, params, "action like ?", action == null || action.isBlank() ? null : action + "%");
        filter(sql, params, "object_type = ?", objectType);
        filter(sql, params, "object_id = ?", objectId);
        if (from != null) {
            sql.append(" and occurred_at >= ?");
            params.add(java.sql.Timestamp.from(from.atStartOfDay().toInstant(ZoneOffset.UTC)));
        }
        if (before != null) {
            sql.append(" and id < ?");
            params.add(before);
        }
        sql.append(" order by id desc limit ").append(PAGE_SIZE + 1);
        List<AuditEntry> entries = jdbc.sql(sql.toString()).params(params).query(JdbcAuditTrail::entry).list();
        boolean more = entries.size() > PAGE_SIZE;
        model.addAttribute("entries", more ? entries.subList(0, PAGE_SIZE) : entries);
        model.addAttribute("nextBefore", more ? entries.get(PAGE_SIZE - 1).id() : null);
        model.addAttribute("filter", new Filter(actor, action, objectType, objectId, from));
        return "audit/list";
    }

    @PostMapping("/staff/audit/verify")
    @Transactional
    String verify(Model model) {
        AuditVerifier.Result result = verifier.verify();
        audit.record("audit.verified", "audit_log", null, result.intact() ? "intact" : "broken");
        model.addAttribute("result", result);
        return "audit/verify";
    }

    record Filter(String actor, String action, String objectType, String objectId, LocalDate from) {
    }

    private static void filter(StringBuilder sql, List<Object> params, String clause, String value) {
        if (value != null && !value.isBlank()) {
            sql.append(" and ").append(clause);
            params.add(value.trim());
        }
    }
}
