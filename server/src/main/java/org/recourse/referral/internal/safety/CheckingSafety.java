package org.recourse.referral.internal.safety;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.recourse.audit.AuditTrail;
import org.recourse.intake.Cases;
import org.recourse.platform.TimeOrderedIds;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The digital-safety check: an analyst, or the victim on her status page, goes through the signals;
 * each answer (yes, no, not sure; with since when, if known) is kept with the version of the texts
 * the check used, and the advice for the signals present is shown in plain language.
 */
@Service
public class CheckingSafety {

    private final JdbcClient jdbc;
    private final SafetyTexts texts;
    private final Cases cases;
    private final AuditTrail audit;
    private final Clock clock;

    CheckingSafety(JdbcClient jdbc, SafetyTexts texts, Cases cases, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.texts = texts;
        this.cases = cases;
        this.audit = audit;
        this.clock = clock;
    }

    /** The answers as a form sends them: {@code answer-<signal>} and {@code since-<signal>}. */
    public record Submission(Map<String, String> fields) {
    }

    public sealed interface Result permits Recorded, Refused {
    }

    public record Recorded(SafetyCheck check) implements Result {
    }

    /** Field → message key. */
    public record Refused(Map<String, String> errors) implements Result {
    }

    @Transactional
    public Result record(UUID caseId, Submission submission, String doneBy, boolean byReporter) {
        Map<String, String> errors = new LinkedHashMap<>();
        Map<SafetySignal, SafetyCheck.Answer> answers = new EnumMap<>(SafetySignal.class);
        LocalDate today = LocalDate.now(clock.withZone(java.time.ZoneId.of("Europe/Amsterdam")));
        for (SafetySignal signal : SafetySignal.values()) {
            String answer = submission.fields().getOrDefault("answer-" + signal.code(), "").strip();
            String since = submission.fields().getOrDefault("since-" + signal.code(), "").strip();
            if (answer.isEmpty()) {
                if (!since.isEmpty()) {
                    errors.put(signal.code(), "referral.safety.error.since-without-answer");
                }
                continue;
            }
            SignalAnswer parsed;
            try {
                parsed = SignalAnswer.valueOf(answer.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.put(signal.code(), "referral.safety.error.answer");
                continue;
            }
            LocalDate sinceDate = null;
            if (!since.isEmpty()) {
                try {
                    sinceDate = LocalDate.parse(since);
                    if (sinceDate.isAfter(today) || sinceDate.getYear() < 1990) {
                        errors.put(signal.code(), "referral.safety.error.since-range");
                        continue;
                    }
                } catch (DateTimeParseException e) {
                    errors.put(signal.code(), "referral.safety.error.since");
                    continue;
                }
            }
            answers.put(signal, new SafetyCheck.Answer(parsed, parsed.present() ? sinceDate : null));
        }
        if (errors.isEmpty() && answers.isEmpty()) {
            errors.put("check", "referral.safety.error.nothing");
        }
        if (cases.find(caseId).isEmpty()) {
            errors.put("check", "referral.safety.error.case");
        }
        if (!errors.isEmpty()) {
            return new Refused(errors);
        }
        SafetyCheck check = new SafetyCheck(TimeOrderedIds.next(), caseId, doneBy, byReporter, clock.instant(), texts.current(), answers);
        jdbc.sql("insert into referral_safety_check (id, case_id, done_by, by_reporter, done_at, text_version) values (?, ?, ?, ?, ?, ?)")
                .params(check.id(), caseId, doneBy, byReporter, Timestamp.from(check.doneAt()), check.textVersion()).update();
        for (Map.Entry<SafetySignal, SafetyCheck.Answer> a : answers.entrySet()) {
            jdbc.sql("insert into referral_safety_answer (check_id, signal, answer, since) values (?, ?, ?, ?)")
                    .params(check.id(), a.getKey().code(), a.getValue().answer().code(),
                            a.getValue().since() == null ? null : Date.valueOf(a.getValue().since())).update();
        }
        audit.record("safety-check.recorded", "case", caseId.toString(),
                "by=" + (byReporter ? "reporter" : "analyst") + " present=" + answers.values().stream().filter(a -> a.answer().present()).count());
        return new Recorded(check);
    }

    /** The case's checks, newest first. */
    public List<SafetyCheck> forCase(UUID caseId) {
        Map<UUID, Map<SafetySignal, SafetyCheck.Answer>> answers = answers(caseId);
        return jdbc.sql("select * from referral_safety_check where case_id = ? order by done_at desc").param(caseId)
                .query((rs, n) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    return new SafetyCheck(id, caseId, rs.getString("done_by"), rs.getBoolean("by_reporter"),
                            rs.getTimestamp("done_at").toInstant(), rs.getInt("text_version"), answers.getOrDefault(id, Map.of()));
                })
                .list();
    }

    public Optional<SafetyCheck> latest(UUID caseId) {
        return forCase(caseId).stream().findFirst();
    }

    /** The answers of every check of the case, in one query. */
    private Map<UUID, Map<SafetySignal, SafetyCheck.Answer>> answers(UUID caseId) {
        Map<UUID, Map<SafetySignal, SafetyCheck.Answer>> answers = new java.util.HashMap<>();
        jdbc.sql("""
                        select a.check_id, a.signal, a.answer, a.since from referral_safety_answer a
                        join referral_safety_check c on c.id = a.check_id where c.case_id = ?""")
                .param(caseId).query(rs -> {
                    Date since = rs.getDate(4);
                    answers.computeIfAbsent(rs.getObject(1, UUID.class), id -> new EnumMap<>(SafetySignal.class))
                            .put(SafetySignal.valueOf(rs.getString(2).toUpperCase(Locale.ROOT)), new SafetyCheck.Answer(
                                    SignalAnswer.valueOf(rs.getString(3).toUpperCase(Locale.ROOT)), since == null ? null : since.toLocalDate()));
                });
        return answers;
    }
}
