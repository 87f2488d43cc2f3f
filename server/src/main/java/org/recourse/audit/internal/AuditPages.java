package org.recourse.audit.internal;

import java.time.LocalDate;
import java.util.List;

import org.recourse.audit.AuditEntry;
import org.recourse.platform.CaseRef;
import org.recourse.platform.CaseRefs;
import org.recourse.platform.DisplayTime;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit trail for auditors and administrators: browse, filter, check the chain. */
@Controller
class AuditPages {

    private static final int PAGE_SIZE = 100;
    private final AuditQueries queries;
    private final VerifyingTheTrail verifying;
    private final CaseRefs refs;
    private final DisplayTime times;

    AuditPages(AuditQueries queries, VerifyingTheTrail verifying, CaseRefs refs, DisplayTime times) {
        this.queries = queries;
        this.verifying = verifying;
        this.refs = refs;
        this.times = times;
    }

    @GetMapping("/staff/audit")
    String list(@RequestParam(required = false) String actor,
                @RequestParam(required = false) String action,
                @RequestParam(required = false) String objectType,
                @RequestParam(required = false) String objectId,
                @RequestParam(required = false) LocalDate from,
                @RequestParam(required = false) Long before,
                Model model) {
        AuditQueries.Filter filter = new AuditQueries.Filter(actor, action, objectType, objectId, from);
        List<AuditEntry> entries = queries.page(filter, before, PAGE_SIZE + 1, times.zone());
        boolean more = entries.size() > PAGE_SIZE;
        List<AuditEntry> shown = more ? entries.subList(0, PAGE_SIZE) : entries;
        model.addAttribute("entries", shown);
        model.addAttribute("nextBefore", more ? entries.get(PAGE_SIZE - 1).id() : null);
        model.addAttribute("filter", filter);
        // Cases are named by their number, beside the id the trail keeps.
        model.addAttribute("caseNumbers", refs.byIds(shown.stream().filter(e -> "case".equals(e.objectType()) && e.objectId() != null)
                        .map(e -> parse(e.objectId())).filter(java.util.Objects::nonNull).distinct().toList())
                .values().stream().collect(java.util.stream.Collectors.toMap(ref -> ref.id().toString(), CaseRef::caseNumber)));
        return "audit/list";
    }

    @PostMapping("/staff/audit/verify")
    String verify(Model model) {
        AuditVerifier.Result result = verifying.verify();
        model.addAttribute("result", result);
        return "audit/verify";
    }

    private static java.util.UUID parse(String id) {
        try {
            return java.util.UUID.fromString(id);
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }
}
