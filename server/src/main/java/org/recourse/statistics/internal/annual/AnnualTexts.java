package org.recourse.statistics.internal.annual;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import org.recourse.audit.AuditTrail;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The coordinator-edited texts of an annual report, per year and language. A year nobody has edited
 * yet starts from the most recent earlier year's texts (the independence statement rarely changes),
 * or from the bundled starting text.
 */
@Service
public class AnnualTexts {

    public static final int MAX_LENGTH = 10_000;

    /** Texts by language, then section. */
    public record Texts(Map<ReportLanguage, Map<AnnualSection, String>> byLanguage) implements java.io.Serializable {

        public String get(ReportLanguage language, AnnualSection section) {
            return byLanguage.getOrDefault(language, Map.of()).getOrDefault(section, "");
        }

        /** A fingerprint of every text, to tell whether a publication still matches the draft. */
        public String fingerprint() {
            try {
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                for (ReportLanguage l : ReportLanguage.values()) {
                    for (AnnualSection s : AnnualSection.values()) {
                        digest.update((l.code() + "/" + s.code() + "=" + get(l, s) + "\u0000").getBytes(StandardCharsets.UTF_8));
                    }
                }
                return HexFormat.of().formatHex(digest.digest());
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private final JdbcClient jdbc;
    private final MessageSource messages;
    private final AuditTrail audit;
    private final Clock clock;

    AnnualTexts(JdbcClient jdbc, MessageSource messages, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Texts of(AnnualReportKind kind, int year) {
        Map<ReportLanguage, Map<AnnualSection, String>> texts = new EnumMap<>(ReportLanguage.class);
        for (ReportLanguage l : ReportLanguage.values()) {
            Map<AnnualSection, String> sections = new EnumMap<>(AnnualSection.class);
            for (AnnualSection s : kind.sections()) {
                String saved = jdbc.sql("""
                                select body from stat_annual_text where kind = ? and year <= ? and section = ? and lang = ?
                                order by year desc limit 1""")
                        .params(kind.code(), year, s.code(), l.code()).query(String.class).optional()
                        .orElseGet(() -> messages.getMessage("statistics.annual.default." + kind.code() + "." + s.code(), null, "",
                                l.locale()));
                sections.put(s, saved);
            }
            texts.put(l, sections);
        }
        return new Texts(texts);
    }

    /** What is wrong, by field ({@code nl-independence}) and message key; nothing is saved if anything is. */
    public static Map<String, String> problems(AnnualReportKind kind, Texts texts) {
        return problems(kind, texts, java.util.Set.of());
    }

    /** @param cleaned form fields from which control characters (such as NUL) were removed before they arrived */
    static Map<String, String> problems(AnnualReportKind kind, Texts texts, java.util.Set<String> cleaned) {
        Map<String, String> problems = new LinkedHashMap<>();
        for (ReportLanguage l : ReportLanguage.values()) {
            for (AnnualSection s : kind.sections()) {
                String text = texts.get(l, s);
                String field = l.code() + "-" + s.code();
                if (cleaned.contains(field)) {
                    problems.put(field, "statistics.annual.error.cleaned");
                } else if (text.length() > MAX_LENGTH) {
                    problems.put(field, "statistics.annual.error.length");
                } else if (kind.required().contains(s) && text.isBlank()) {
                    problems.put(field, "statistics.annual.error.required");
                }
            }
        }
        return problems;
    }

    /** Saves the texts, or nothing and the problems; a field that arrived with control characters removed is shown back to check. */
    @Transactional
    public Map<String, String> save(AnnualReportKind kind, int year, Texts texts, java.util.Set<String> cleaned, String by) {
        Map<String, String> problems = problems(kind, texts, cleaned);
        if (!problems.isEmpty()) {
            return problems;
        }
        for (ReportLanguage l : ReportLanguage.values()) {
            for (AnnualSection s : kind.sections()) {
                jdbc.sql("""
                                insert into stat_annual_text (kind, year, section, lang, body, updated_at, updated_by)
                                values (?, ?, ?, ?, ?, ?, ?)
                                on conflict (kind, year, section, lang) do update
                                    set body = excluded.body, updated_at = excluded.updated_at, updated_by = excluded.updated_by""")
                        .params(kind.code(), year, s.code(), l.code(), texts.get(l, s).strip(), Timestamp.from(clock.instant()), by)
                        .update();
            }
        }
        audit.record("statistics.annual-report-edited", "stat_annual_text", kind.code() + "/" + year, "texts saved");
        return Map.of();
    }
}
