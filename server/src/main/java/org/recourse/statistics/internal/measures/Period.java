package org.recourse.statistics.internal.measures;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A whole month, quarter or year: the only periods figures are given for, so two exports can never
 * be subtracted to reveal a part of one. Written {@code 2026}, {@code 2026-Q3} or {@code 2026-07}.
 */
public record Period(Kind kind, int year, int number) {

    public enum Kind { YEAR, QUARTER, MONTH }

    private static final Pattern FORM = Pattern.compile("(\\d{4})(?:-Q([1-4])|-(0[1-9]|1[0-2]))?");

    public static Optional<Period> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = FORM.matcher(text.strip().toUpperCase(java.util.Locale.ROOT));
        if (!m.matches()) {
            return Optional.empty();
        }
        int year = Integer.parseInt(m.group(1));
        if (m.group(2) != null) {
            return Optional.of(new Period(Kind.QUARTER, year, Integer.parseInt(m.group(2))));
        }
        if (m.group(3) != null) {
            return Optional.of(new Period(Kind.MONTH, year, Integer.parseInt(m.group(3))));
        }
        return Optional.of(new Period(Kind.YEAR, year, 0));
    }

    public static Period quarterOf(LocalDate date) {
        return new Period(Kind.QUARTER, date.getYear(), (date.getMonthValue() - 1) / 3 + 1);
    }

    public LocalDate firstDay() {
        return switch (kind) {
            case YEAR -> LocalDate.of(year, 1, 1);
            case QUARTER -> LocalDate.of(year, (number - 1) * 3 + 1, 1);
            case MONTH -> LocalDate.of(year, number, 1);
        };
    }

    public LocalDate dayAfter() {
        return switch (kind) {
            case YEAR -> firstDay().plusYears(1);
            case QUARTER -> firstDay().plusMonths(3);
            case MONTH -> firstDay().plusMonths(1);
        };
    }

    public Instant start(ZoneId zone) {
        return firstDay().atStartOfDay(zone).toInstant();
    }

    public Instant end(ZoneId zone) {
        return dayAfter().atStartOfDay(zone).toInstant();
    }

    /** The period of the same kind just before this one. */
    public Period previous() {
        return switch (kind) {
            case YEAR -> new Period(kind, year - 1, 0);
            case QUARTER -> number == 1 ? new Period(kind, year - 1, 4) : new Period(kind, year, number - 1);
            case MONTH -> number == 1 ? new Period(kind, year - 1, 12) : new Period(kind, year, number - 1);
        };
    }

    @Override
    public String toString() {
        return switch (kind) {
            case YEAR -> Integer.toString(year);
            case QUARTER -> year + "-Q" + number;
            case MONTH -> String.format("%d-%02d", year, number);
        };
    }
}
