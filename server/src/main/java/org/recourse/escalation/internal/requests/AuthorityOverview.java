package org.recourse.escalation.internal.requests;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.recourse.directory.Directory;
import org.recourse.directory.Organisation;
import org.recourse.platform.CsvCells;
import org.recourse.platform.DisplayTime;
import org.recourse.platform.PdfDocuments;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The periodic overview per authority that the structured exchange between regulators and the
 * hotline rests on: requests filed in the period, requests open now and how long the oldest has
 * waited, and what the authorities answered in the period — on a page, as CSV and as PDF.
 */
@Service
public class AuthorityOverview {

    /** The longest period one overview covers. */
    public static final Duration MAX_PERIOD = Duration.ofDays(5 * 366);

    public record Row(String authorityKey, String authorityName, long filed, long open, Long oldestOpenDays, long acknowledged,
                      long decided, long rejected, long noResponse) {
    }

    public record Overview(LocalDate from, LocalDate to, List<Row> rows) {
    }

    private final JdbcClient jdbc;
    private final Directory directory;
    private final DisplayTime times;
    private final MessageSource messages;
    private final Clock clock;

    AuthorityOverview(JdbcClient jdbc, Directory directory, DisplayTime times, MessageSource messages, Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.times = times;
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * The overview of {@code from} up to and including {@code to} (days in the display zone).
     *
     * @throws RequestRefused {@code escalation.overview.period} for an empty, reversed or too long period
     */
    public Overview between(LocalDate from, LocalDate to) {
        ZoneId zone = times.zone();
        if (from == null || to == null || to.isBefore(from)
                || Duration.between(from.atStartOfDay(zone), to.plusDays(1).atStartOfDay(zone)).compareTo(MAX_PERIOD) > 0) {
            throw new RequestRefused("escalation.overview.period");
        }
        Timestamp start = Timestamp.from(from.atStartOfDay(zone).toInstant());
        Timestamp end = Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant());
        Instant now = clock.instant();
        Map<String, long[]> counts = new LinkedHashMap<>();
        Map<String, Long> oldest = new LinkedHashMap<>();
        jdbc.sql("""
                        select authority_key,
                               count(*) filter (where filed_at >= ? and filed_at < ?) as filed,
                               count(*) filter (where state in ('filed', 'acknowledged', 'under_investigation')) as open,
                               min(filed_at) filter (where state in ('filed', 'acknowledged', 'under_investigation')) as oldest
                        from escalation_request where filed_at is not null group by authority_key order by authority_key""")
                .params(start, end)
                .query(rs -> {
                    long[] c = counts.computeIfAbsent(rs.getString(1), k -> new long[6]);
                    c[0] = rs.getLong(2);
                    c[1] = rs.getLong(3);
                    Timestamp o = rs.getTimestamp(4);
                    if (o != null) {
                        oldest.put(rs.getString(1), Duration.between(o.toInstant(), now).toDays());
                    }
                });
        jdbc.sql("""
                        select r.authority_key, e.state, count(distinct r.id) from escalation_request_entry e
                        join escalation_request r on r.id = e.request_id
                        where e.kind = 'state' and e.at >= ? and e.at < ? and e.state in ('acknowledged', 'decided', 'rejected', 'no_response')
                        group by r.authority_key, e.state""")
                .params(start, end)
                .query(rs -> {
                    long[] c = counts.computeIfAbsent(rs.getString(1), k -> new long[6]);
                    int at = switch (rs.getString(2)) {
                        case "acknowledged" -> 2;
                        case "decided" -> 3;
                        case "rejected" -> 4;
                        default -> 5;
                    };
                    c[at] = rs.getLong(3);
                });
        List<Row> rows = new ArrayList<>();
        counts.forEach((key, c) -> rows.add(new Row(key, directory.findByKey(key).map(Organisation::name).orElse(key), c[0], c[1],
                oldest.get(key), c[2], c[3], c[4], c[5])));
        return new Overview(from, to, rows);
    }

    public String csv(Overview overview, Locale locale) {
        StringBuilder csv = new StringBuilder();
        csv.append(CsvCells.row(List.of("authority", "authority_name", "filed", "open", "oldest_open_days", "acknowledged", "decided",
                "rejected", "no_response")));
        for (Row r : overview.rows()) {
            csv.append(CsvCells.row(List.of(r.authorityKey(), r.authorityName(), Long.toString(r.filed()), Long.toString(r.open()),
                    r.oldestOpenDays() == null ? "" : Long.toString(r.oldestOpenDays()), Long.toString(r.acknowledged()),
                    Long.toString(r.decided()), Long.toString(r.rejected()), Long.toString(r.noResponse()))));
        }
        return csv.toString();
    }

    public byte[] pdf(Overview overview, Locale locale) throws IOException {
        StringBuilder h = new StringBuilder("<html><head><meta charset=\"utf-8\"/><style>body{font-family:'")
                .append(PdfDocuments.fontFamily()).append("';font-size:9pt}table{border-collapse:collapse;width:100%}")
                .append("td,th{border:1px solid #999;padding:2pt;text-align:left}</style></head><body><h1>")
                .append(PdfDocuments.escape(text(locale, "escalation.overview.title"))).append("</h1><p>")
                .append(PdfDocuments.escape(text(locale, "escalation.overview.period-shown", overview.from(), overview.to())))
                .append("</p><table><tr>");
        for (String column : List.of("authority", "filed", "open", "oldest", "acknowledged", "decided", "rejected", "no-response")) {
            h.append("<th>").append(PdfDocuments.escape(text(locale, "escalation.overview.column." + column))).append("</th>");
        }
        h.append("</tr>");
        for (Row r : overview.rows()) {
            h.append("<tr><td>").append(PdfDocuments.escape(r.authorityName())).append("</td>");
            for (Object value : List.of(r.filed(), r.open(), r.oldestOpenDays() == null ? "–" : r.oldestOpenDays(), r.acknowledged(),
                    r.decided(), r.rejected(), r.noResponse())) {
                h.append("<td>").append(PdfDocuments.escape(String.valueOf(value))).append("</td>");
            }
            h.append("</tr>");
        }
        h.append("</table></body></html>");
        return PdfDocuments.render(h.toString());
    }

    private String text(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
