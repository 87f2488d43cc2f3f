package org.recourse.intake.internal.search;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.recourse.intake.CaseStatus;
import org.recourse.intake.Channel;

/**
 * What a list of cases is narrowed to; null means "any". Used by the reports list and by search.
 *
 * @param status     where the case stands in the chain
 * @param form       a taxonomy code the reporter chose
 * @param from       received on or after this day (in the display zone)
 * @param to         received on or before this day
 * @param childRoute only cases on the child sexual abuse route
 */
public record CaseFilter(CaseStatus status, Channel channel, String form, LocalDate from, LocalDate to, boolean childRoute) {

    static final CaseFilter NONE = new CaseFilter(null, null, null, null, null, false);

    /** A filter read from request parameters, with a message key per parameter that could not be used. */
    public record Parsed(CaseFilter filter, Map<String, String> errors) {
    }

    /** Reads the parameters as the filter forms send them; what cannot be read is left out and named. */
    public static Parsed parse(String status, String channel, String form, String from, String to, String childRoute) {
        Map<String, String> errors = new LinkedHashMap<>();
        CaseStatus parsedStatus = choice(CaseStatus.class, status, "status", errors);
        Channel parsedChannel = choice(Channel.class, channel, "channel", errors);
        String parsedForm = blank(form) ? null : form.strip();
        if (parsedForm != null && !parsedForm.matches("[a-z0-9_]{1,64}")) {
            errors.put("form", "intake.filter.invalid");
            parsedForm = null;
        }
        LocalDate parsedFrom = date(from, "from", errors);
        LocalDate parsedTo = date(to, "to", errors);
        if (parsedFrom != null && parsedTo != null && parsedTo.isBefore(parsedFrom)) {
            errors.put("to", "intake.filter.to-before-from");
            parsedTo = null;
        }
        return new Parsed(new CaseFilter(parsedStatus, parsedChannel, parsedForm, parsedFrom, parsedTo,
                "true".equals(childRoute) || "on".equals(childRoute)), errors);
    }

    boolean any() {
        return status != null || channel != null || form != null || from != null || to != null || childRoute;
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String value, String field, Map<String, String> errors) {
        if (blank(value)) {
            return null;
        }
        String wanted = value.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(wanted)).findFirst().orElseGet(() -> {
            errors.put(field, "intake.filter.invalid");
            return null;
        });
    }

    private static LocalDate date(String value, String field, Map<String, String> errors) {
        if (blank(value)) {
            return null;
        }
        try {
            LocalDate day = LocalDate.parse(value.strip());
            if (day.getYear() < 2000 || day.getYear() > 2999) {
                errors.put(field, "intake.filter.date");
                return null;
            }
            return day;
        } catch (DateTimeParseException e) {
            errors.put(field, "intake.filter.date");
            return null;
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
