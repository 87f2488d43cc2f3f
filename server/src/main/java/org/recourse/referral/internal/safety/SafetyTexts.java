package org.recourse.referral.internal.safety;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.recourse.audit.AuditTrail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The checklist's questions and advice, per signal and language, versioned like question sets:
 * editing publishes a new version of all of them; a check keeps the version it was done with.
 */
@Service
public class SafetyTexts {

    public static final int MAX_QUESTION = 400;
    public static final int MAX_ADVICE = 2000;

    /** One signal's texts in one language. */
    public record Text(String question, String advice) implements java.io.Serializable {
    }

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    SafetyTexts(JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    public int current() {
        return jdbc.sql("select max(version) from referral_safety_text").query(Integer.class).single();
    }

    /** The texts of {@code version} in the language (Dutch unless English is asked for). */
    public Map<SafetySignal, Text> of(int version, Locale locale) {
        String language = "en".equals(locale.getLanguage()) ? "en" : "nl";
        Map<SafetySignal, Text> texts = new EnumMap<>(SafetySignal.class);
        jdbc.sql("select signal, question, advice from referral_safety_text where version = ? and language = ?")
                .params(version, language)
                .query(rs -> {
                    texts.put(SafetySignal.valueOf(rs.getString(1).toUpperCase(Locale.ROOT)), new Text(rs.getString(2), rs.getString(3)));
                });
        return texts;
    }

    /**
     * Publishes a new version with these texts (every signal, both languages). Field → message key
     * of what is wrong; empty when published.
     */
    @Transactional
    public Map<String, String> publish(Map<String, Map<SafetySignal, Text>> byLanguage, String coordinator) {
        Map<String, String> problems = new java.util.LinkedHashMap<>();
        for (String language : List.of("nl", "en")) {
            Map<SafetySignal, Text> texts = byLanguage.getOrDefault(language, Map.of());
            for (SafetySignal signal : SafetySignal.values()) {
                Text t = texts.get(signal);
                String field = language + "-" + signal.code();
                if (t == null || blank(t.question()) || blank(t.advice())) {
                    problems.put(field, "referral.safety-texts.error.required");
                } else if (t.question().length() > MAX_QUESTION || t.advice().length() > MAX_ADVICE) {
                    problems.put(field, "referral.safety-texts.error.length");
                }
            }
        }
        if (!problems.isEmpty()) {
            return problems;
        }
        int version = current() + 1;
        for (String language : List.of("nl", "en")) {
            for (Map.Entry<SafetySignal, Text> e : byLanguage.get(language).entrySet()) {
                jdbc.sql("""
                                insert into referral_safety_text (id, version, signal, language, question, advice, published_at, published_by)
                                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(UUID.randomUUID(), version, e.getKey().code(), language, e.getValue().question().strip(),
                                e.getValue().advice().strip(), Timestamp.from(clock.instant()), coordinator)
                        .update();
            }
        }
        audit.record("safety-texts.published", "safety_texts", Integer.toString(version), null);
        return Map.of();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
