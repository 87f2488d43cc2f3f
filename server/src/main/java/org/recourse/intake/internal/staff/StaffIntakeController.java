package org.recourse.intake.internal.staff;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.recourse.audit.AuditTrail;
import org.recourse.intake.Channel;
import org.recourse.intake.internal.cases.CaseNumbers;
import org.recourse.intake.internal.cases.CaseRecord;
import org.recourse.intake.internal.cases.CaseRepository;
import org.recourse.intake.internal.cases.FieldError;
import org.recourse.intake.internal.cases.NewReport;
import org.recourse.intake.internal.cases.Passphrases;
import org.recourse.intake.internal.cases.ReportValidation;
import org.recourse.intake.internal.cases.SecretHashing;
import org.recourse.intake.internal.cases.Submitted;
import org.recourse.intake.internal.cases.SubmittingReport;
import org.recourse.intake.internal.form.FormSupport;
import org.recourse.intake.internal.form.ReportForm;
import org.recourse.taxonomy.Taxonomy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff intake: the list of recent cases, recording a report received by phone, chat or e-mail
 * in the same structure as the public form, a case's details (every view audited) and linking a
 * case to another one.
 */
@Controller
class StaffIntakeController {

    static final List<String> STAFF_CHANNELS = List.of("phone", "chat", "email");
    static final DateTimeFormatter DATES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.of("Europe/Amsterdam"));

    record CaseRow(UUID id, String caseNumber, Instant receivedAt, String channel, String status, int items,
                   boolean linked, boolean childAbuseRoute) {
    }

    private final FormSupport support;
    private final SubmittingReport submitting;
    private final SecretHashing secrets;
    private final CaseRepository cases;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final Taxonomy taxonomy;

    StaffIntakeController(FormSupport support, SubmittingReport submitting, SecretHashing secrets, CaseRepository cases,
                          JdbcClient jdbc, AuditTrail audit, TransactionTemplate transactions, Taxonomy taxonomy) {
        this.taxonomy = taxonomy;
        this.support = support;
        this.submitting = submitting;
        this.secrets = secrets;
        this.cases = cases;
        this.jdbc = jdbc;
        this.audit = audit;
        this.transactions = transactions;
    }

    @GetMapping("/staff/intake")
    String list(@RequestParam(required = false) String number, Model model) {
        if (number != null && !number.isBlank()) {
            Optional<CaseRecord> found = CaseNumbers.parse(number).flatMap(cases::findByNumber);
            if (found.isPresent()) {
                return "redirect:/staff/intake/cases/" + found.get().id();
            }
            model.addAttribute("notFound", true);
        }
        List<CaseRow> rows = jdbc.sql("""
                select c.id, c.case_number, c.received_at, c.channel, c.status, c.child_abuse_route,
                    (select count(*) from reported_item i where i.case_id = c.id) as items,
                    exists (select 1 from case_link l where l.case_id = c.id or l.linked_case_id = c.id) as linked
                from intake_case c order by c.received_at desc limit 100
                """).query((rs, n) -> new CaseRow(rs.getObject("id", UUID.class), rs.getString("case_number"),
                rs.getTimestamp("received_at").toInstant(), rs.getString("channel"), rs.getString("status"),
                rs.getInt("items"), rs.getBoolean("linked"), rs.getBoolean("child_abuse_route"))).list();
        model.addAttribute("rows", rows);
        model.addAttribute("dates", DATES);
        return "intake/staff-list";
    }

    @GetMapping("/staff/intake/new")
    String newReport(Model model) {
        return showForm(new ReportForm(), null, null, model, Map.of());
    }

    @PostMapping("/staff/intake/new")
    String record(@ModelAttribute("report") ReportForm form, @RequestParam(defaultValue = "") String channel,
                  @RequestParam(defaultValue = "") String linkTo, Authentication user, Model model, Locale locale,
                  HttpServletResponse response) {
        var outcome = ReportValidation.validate(
                form.toReport(STAFF_CHANNELS.contains(channel) ? Channel.fromCode(channel) : Channel.PHONE,
                        new NewReport.Origin(null, null, null, user.getName())), support::activeForm);
        Map<String, String> errors = new java.util.LinkedHashMap<>(support.messages(form, outcome.errors(), locale));
        if (!STAFF_CHANNELS.contains(channel)) {
            errors.put("channel", support.message("intake.error.choice", locale));
        }
        Optional<CaseRecord> linked = Optional.empty();
        if (!linkTo.isBlank()) {
            linked = CaseNumbers.parse(linkTo).flatMap(cases::findByNumber);
            if (linked.isEmpty()) {
                errors.put("linkTo", support.message("intake.staff.link.unknown", locale));
            }
        }
        if (!errors.isEmpty()) {
            response.setStatus(422);
            return showForm(form, channel, linkTo, model, errors);
        }
        String secret = Passphrases.next();
        String hash = secrets.hash(secret);
        Optional<CaseRecord> linkTarget = linked;
        Submitted submitted = transactions.execute(status -> {
            Submitted created = submitting.submit(outcome.report(), secret, hash);
            linkTarget.ifPresent(target -> {
                cases.link(created.caseId(), target.id(), "analyst", created.receivedAt());
                audit.record("case.linked", "case", created.caseId().toString(), "to=" + target.id());
            });
            return created;
        });
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("submitted", submitted);
        return "intake/staff-recorded";
    }

    @GetMapping("/staff/intake/cases/{id}")
    String show(@PathVariable UUID id, Model model, Locale locale) {
        CaseRecord record = transactions.execute(status -> {
            Optional<CaseRecord> found = cases.find(id);
            found.ifPresent(c -> audit.record("case.viewed", "case", id.toString(), null));
            return found.orElse(null);
        });
        if (record == null) {
            throw new org.springframework.web.server.ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND);
        }
        model.addAttribute("record", record);
        model.addAttribute("dates", DATES);
        model.addAttribute("formLabels", record.forms().stream().collect(java.util.stream.Collectors.toMap(
                code -> code, code -> taxonomy.find(code).map(f -> f.label(locale)).orElse(code), (a, b) -> a)));
        model.addAttribute("items", cases.items(id));
        model.addAttribute("history", cases.history(id));
        model.addAttribute("links", cases.links(id));
        model.addAttribute("numbers", caseNumbers(cases.items(id)));
        model.addAttribute("additions", jdbc.sql("""
                select kind, body, created_at from case_addition where case_id = ? order by created_at
                """).param(id).query((rs, n) -> Map.of("kind", rs.getString("kind"),
                "body", rs.getString("body") == null ? "" : rs.getString("body"),
                "createdAt", rs.getTimestamp("created_at").toInstant())).list());
        return "intake/staff-case";
    }

    @PostMapping("/staff/intake/cases/{id}/link")
    String link(@PathVariable UUID id, @RequestParam(defaultValue = "") String caseNumber, RedirectAttributes redirect) {
        Optional<CaseRecord> target = CaseNumbers.parse(caseNumber).flatMap(cases::findByNumber)
                .filter(t -> !t.id().equals(id));
        if (target.isEmpty() || cases.find(id).isEmpty()) {
            redirect.addFlashAttribute("linkError", "intake.staff.link.unknown");
        } else {
            transactions.executeWithoutResult(status -> {
                cases.link(id, target.get().id(), "analyst", Instant.now());
                audit.record("case.linked", "case", id.toString(), "to=" + target.get().id());
            });
            redirect.addFlashAttribute("message", "intake.staff.link.done");
        }
        return "redirect:/staff/intake/cases/" + id;
    }

    /** Case numbers of the cases items are linked to, for showing "also reported in". */
    private Map<UUID, String> caseNumbers(List<org.recourse.intake.ReportedItem> items) {
        Map<UUID, String> numbers = new java.util.HashMap<>();
        for (var item : items) {
            if (item.linkedCaseId() != null) {
                cases.find(item.linkedCaseId()).ifPresent(c -> numbers.put(c.id(), c.caseNumber()));
            }
        }
        return numbers;
    }

    private String showForm(ReportForm form, String channel, String linkTo, Model model, Map<String, String> errors) {
        support.addChoices(model);
        model.addAttribute("report", form);
        model.addAttribute("errors", errors);
        model.addAttribute("channels", STAFF_CHANNELS);
        model.addAttribute("channel", channel);
        model.addAttribute("linkTo", linkTo);
        return "intake/staff-new";
    }
}
