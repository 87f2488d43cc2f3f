package org.recourse.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Date;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How every page shows a moment: in one zone ({@code RECOURSE_DISPLAY_ZONE}, Europe/Amsterdam by
 * default) and one notation, whatever zone the database or the server runs in. Templates reach it
 * as {@code #times} ({@code ${#times.minute(notice.sentAt)}}); Java code that writes times into
 * text injects it. Nothing absent is shown as an empty string: a missing time reads "–".
 */
@Component
public class DisplayTime {

    /** What a missing time reads as. */
    public static final String NONE = "–";

    private final ZoneId zone;
    private final DateTimeFormatter minute;
    private final DateTimeFormatter second;
    private final DateTimeFormatter date;
    private final DateTimeFormatter clock;

    DisplayTime(@Value("${recourse.display-zone:Europe/Amsterdam}") ZoneId zone) {
        this.zone = zone;
        this.minute = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone);
        this.second = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(zone);
        this.date = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(zone);
        this.clock = DateTimeFormatter.ofPattern("HH:mm").withZone(zone);
    }

    public ZoneId zone() {
        return zone;
    }

    /** {@code 2026-03-01 14:05} */
    public String minute(Object moment) {
        return format(moment, minute);
    }

    /** {@code 2026-03-01 14:05:09}, where seconds matter (evidence, the audit trail). */
    public String second(Object moment) {
        return format(moment, second);
    }

    /** {@code 2026-03-01} */
    public String date(Object moment) {
        return format(moment, date);
    }

    /** {@code 14:05} */
    public String time(Object moment) {
        return format(moment, clock);
    }

    /** The moment for a {@code <time datetime>} attribute, with its offset; empty when absent. */
    public String iso(Object moment) {
        TemporalAccessor value = temporal(moment);
        if (value == null) {
            return "";
        }
        return value instanceof LocalDate day ? day.toString() : DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(zone).format(value);
    }

    private String format(Object moment, DateTimeFormatter formatter) {
        TemporalAccessor value = temporal(moment);
        return value == null ? NONE : formatter.format(value);
    }

    private TemporalAccessor temporal(Object moment) {
        return switch (moment) {
            case null -> null;
            case Instant instant -> instant;
            case OffsetDateTime offset -> offset.toInstant();
            case ZonedDateTime zoned -> zoned.toInstant();
            case LocalDate day -> day.atStartOfDay(zone);
            case Date legacy -> legacy.toInstant();
            default -> throw new IllegalArgumentException("not a moment: " + moment.getClass().getName());
        };
    }
}
