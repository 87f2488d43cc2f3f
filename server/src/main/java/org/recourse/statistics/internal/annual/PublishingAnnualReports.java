package org.recourse.statistics.internal.annual;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.recourse.audit.AuditTrail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Publishes an annual report: the PDF and CSV in Dutch and English as they are at that moment, kept
 * so the public download never changes underneath a reader. Refused for a year that is not over, with
 * a required text empty, or when the release would let a suppressed cell be worked out. Publishing
 * again with the same texts and figures changes nothing (a double submit); with new ones it replaces
 * the publication.
 */
@Service
public class PublishingAnnualReports {

    public enum Outcome { PUBLISHED, REPUBLISHED, UNCHANGED, YEAR_NOT_OVER, TEXT_MISSING, WOULD_REVEAL }

    public record Publication(AnnualReportKind kind, int year, ReportLanguage language, Instant publishedAt, String publishedBy,
                              String textsFingerprint) {
    }

    private final AnnualReports reports;
    private final AnnualTexts texts;
    private final AnnualDocuments documents;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    PublishingAnnualReports(AnnualReports reports, AnnualTexts texts, AnnualDocuments documents,
                            JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.reports = reports;
        this.texts = texts;
        this.documents = documents;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Outcome publish(AnnualReportKind kind, int year, String by) {
        if (!reports.over(year)) {
            return Outcome.YEAR_NOT_OVER;
        }
        AnnualTexts.Texts current = texts.of(kind, year);
        if (!AnnualTexts.problems(kind, current).isEmpty()) {
            return Outcome.TEXT_MISSING;
        }
        AnnualReports.Editions editions = reports.editions(kind, year, current);
        if (editions.wouldReveal()) {
            return Outcome.WOULD_REVEAL;
        }
        // one publication at a time per report, so a double submit waits and then finds nothing changed
        jdbc.sql("select pg_advisory_xact_lock(hashtext(?))").param("annual-report:" + kind.code() + ":" + year)
                .query((rs, n) -> 1).list();
        List<Publication> before = publications(kind, year);
        boolean changed = false;
        for (ReportLanguage language : ReportLanguage.values()) {
            AnnualReports.AnnualReport report = editions.byLanguage().get(language);
            byte[] csv = documents.csv(report);
            boolean sameTexts = before.stream().anyMatch(p -> p.language() == language && p.textsFingerprint().equals(current.fingerprint()));
            if (sameTexts && file(kind, year, language, "csv").filter(stored -> Arrays.equals(stored, csv)).isPresent()) {
                continue;
            }
            changed = true;
            jdbc.sql("""
                            insert into stat_annual_publication (kind, year, lang, pdf, csv, texts_hash, published_at, published_by)
                            values (?, ?, ?, ?, ?, ?, ?, ?)
                            on conflict (kind, year, lang) do update set pdf = excluded.pdf, csv = excluded.csv,
                                texts_hash = excluded.texts_hash, published_at = excluded.published_at, published_by = excluded.published_by""")
                    .params(kind.code(), year, language.code(), documents.pdf(report), csv, current.fingerprint(),
                            Timestamp.from(clock.instant()), by)
                    .update();
        }
        if (!changed) {
            return Outcome.UNCHANGED;
        }
        boolean existed = !before.isEmpty();
        audit.record("statistics.annual-report-published", "stat_annual_publication", kind.code() + "/" + year,
                existed ? "republished" : "published");
        return existed ? Outcome.REPUBLISHED : Outcome.PUBLISHED;
    }

    @Transactional(readOnly = true)
    public List<Publication> publications(AnnualReportKind kind, int year) {
        return jdbc.sql("select kind, year, lang, published_at, published_by, texts_hash from stat_annual_publication where kind = ? and year = ? order by lang")
                .params(kind.code(), year).query(PublishingAnnualReports::publication).list();
    }

    /** Every publication, newest year first. */
    @Transactional(readOnly = true)
    public List<Publication> all() {
        return jdbc.sql("select kind, year, lang, published_at, published_by, texts_hash from stat_annual_publication order by year desc, kind, lang")
                .query(PublishingAnnualReports::publication).list();
    }

    private static Publication publication(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Publication(AnnualReportKind.fromCode(rs.getString("kind")).orElseThrow(), rs.getInt("year"),
                ReportLanguage.fromCode(rs.getString("lang")).orElseThrow(), rs.getTimestamp("published_at").toInstant(),
                rs.getString("published_by"), rs.getString("texts_hash"));
    }

    /** A published file ({@code pdf} or {@code csv}). */
    @Transactional(readOnly = true)
    public Optional<byte[]> file(AnnualReportKind kind, int year, ReportLanguage language, String format) {
        String column = switch (format) {
            case "pdf", "csv" -> format;
            default -> null;
        };
        if (column == null) {
            return Optional.empty();
        }
        return jdbc.sql("select " + column + " from stat_annual_publication where kind = ? and year = ? and lang = ?")
                .params(kind.code(), year, language.code()).query((rs, n) -> rs.getBytes(1)).optional();
    }
}
