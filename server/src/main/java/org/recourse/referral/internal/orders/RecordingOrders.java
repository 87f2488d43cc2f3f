package org.recourse.referral.internal.orders;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.recourse.audit.AuditTrail;
import org.recourse.intake.Cases;
import org.recourse.platform.TimeOrderedIds;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records an existing protection order on a case (the victim or her lawyer tells the hotline), the
 * check-in with the victim when it ends, and that a possible breach was dealt with.
 */
@Service
public class RecordingOrders {

    static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    static final int MAX_ENTRIES = 20;
    static final int MAX_TEXT = 200;

    private final ProtectionOrders orders;
    private final Cases cases;
    private final AuditTrail audit;
    private final Clock clock;

    RecordingOrders(ProtectionOrders orders, Cases cases, AuditTrail audit, Clock clock) {
        this.orders = orders;
        this.cases = cases;
        this.audit = audit;
        this.clock = clock;
    }

    /** The form as typed; names and accounts one per line. */
    public record Form(String kind, String issuedBy, String startsOn, String endsOn, String names, String accounts)
            implements java.io.Serializable {
    }

    /** Field → message key of what is wrong; empty when the order was recorded. */
    @Transactional
    public Map<String, String> record(UUID caseId, Form form, Set<String> cleanedFields, String analyst) {
        Map<String, String> errors = new LinkedHashMap<>();
        // Fields the request filter removed control characters from: shown again to check, never saved changed.
        for (String field : List.of("issuedBy", "names", "accounts")) {
            if (cleanedFields.contains(field)) {
                errors.put(field, "referral.order.error.cleaned");
            }
        }
        OrderKind kind = null;
        try {
            kind = OrderKind.valueOf(blank(form.kind()) ? "" : form.kind().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.put("kind", "referral.order.error.kind");
        }
        LocalDate starts = date(form.startsOn(), "startsOn", true, errors);
        LocalDate ends = date(form.endsOn(), "endsOn", false, errors);
        if (starts != null && ends != null && ends.isBefore(starts)) {
            errors.put("endsOn", "referral.order.error.ends-before");
        }
        String issuedBy = blank(form.issuedBy()) ? null : form.issuedBy().strip();
        if (issuedBy != null && !errors.containsKey("issuedBy") && (issuedBy.length() > MAX_TEXT || hasControl(issuedBy))) {
            errors.put("issuedBy", "referral.order.error.text");
        }
        List<String> names = errors.containsKey("names") ? List.of() : lines(form.names(), "names", errors, false);
        List<String> accounts = errors.containsKey("accounts") ? List.of() : lines(form.accounts(), "accounts", errors, true);
        if (names.isEmpty() && accounts.isEmpty() && !errors.containsKey("names") && !errors.containsKey("accounts")) {
            errors.put("accounts", "referral.order.error.bound");
        }
        if (cases.find(caseId).isEmpty()) {
            errors.put("kind", "referral.order.error.case");
        }
        if (!errors.isEmpty()) {
            return errors;
        }
        ProtectionOrder order = new ProtectionOrder(TimeOrderedIds.next(), caseId, kind, issuedBy, starts, ends, names, accounts, analyst,
                clock.instant(), null);
        orders.insert(order);
        audit.record("protection-order.recorded", "case", caseId.toString(), "kind=" + kind.code() + " accounts=" + accounts.size());
        return Map.of();
    }

    @Transactional
    public boolean checkIn(UUID orderId, String analyst) {
        boolean done = orders.checkedIn(orderId, analyst, clock.instant());
        if (done) {
            orders.find(orderId).ifPresent(o -> audit.record("protection-order.checked-in", "case", o.caseId().toString(), null));
        }
        return done;
    }

    @Transactional
    public boolean breachHandled(UUID breachId, String analyst) {
        boolean done = orders.breachHandled(breachId, analyst, clock.instant());
        if (done) {
            orders.findBreach(breachId).ifPresent(b -> audit.record("protection-order.breach-handled", "case", b.caseId().toString(), null));
        }
        return done;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(ZONE));
    }

    private static LocalDate date(String value, String field, boolean required, Map<String, String> errors) {
        if (blank(value)) {
            if (required) {
                errors.put(field, "referral.order.error.date-missing");
            }
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value.strip());
            if (date.getYear() < 1990 || date.getYear() > 2200) {
                errors.put(field, "referral.order.error.date");
                return null;
            }
            return date;
        } catch (DateTimeParseException e) {
            errors.put(field, "referral.order.error.date");
            return null;
        }
    }

    private static List<String> lines(String text, String field, Map<String, String> errors, boolean accounts) {
        if (blank(text)) {
            return List.of();
        }
        Set<String> values = new LinkedHashSet<>();
        for (String line : text.split("\\R")) {
            String value = accounts ? Accounts.normalise(line) : line.strip();
            if (value.isEmpty()) {
                continue;
            }
            if (value.length() > (accounts ? Accounts.MAX_LENGTH : MAX_TEXT) || hasControl(value) || (accounts && value.contains(" "))) {
                errors.put(field, accounts ? "referral.order.error.account" : "referral.order.error.text");
                return List.of();
            }
            values.add(value);
        }
        if (values.size() > MAX_ENTRIES) {
            errors.put(field, "referral.order.error.too-many");
            return List.of();
        }
        return new ArrayList<>(values);
    }

    private static boolean hasControl(String value) {
        return value.chars().anyMatch(c -> Character.isISOControl(c));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
