package org.recourse.escalation.internal.candidates;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.recourse.directory.Directory;
import org.recourse.directory.Organisation;
import org.recourse.escalation.Candidate;
import org.recourse.escalation.CandidateReason;
import org.recourse.escalation.EscalationCandidates;
import org.recourse.escalation.ProposedAuthority;
import org.recourse.escalation.internal.EscalationSettings;
import org.recourse.intake.CaseView;
import org.recourse.intake.Cases;
import org.recourse.routing.LegalStatus;
import org.recourse.takedown.NoticeFigures;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies the candidate rules to escalation's own view of overdue items and disputed refusals,
 * and to takedown's figures per recipient for the pattern rule. Reads only escalation's tables,
 * so its cost follows the number of overdue items, not the number of notices ever sent.
 */
@Service
class FindingCandidates implements EscalationCandidates {

    private final JdbcClient jdbc;
    private final EscalationSettings settings;
    private final NoticeFigures figures;
    private final Directory directory;
    private final Cases cases;
    private final ProposingAuthorities authorities;
    private final Clock clock;

    FindingCandidates(JdbcClient jdbc, EscalationSettings settings, NoticeFigures figures, Directory directory, Cases cases,
                      ProposingAuthorities authorities, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.figures = figures;
        this.directory = directory;
        this.cases = cases;
        this.authorities = authorities;
        this.clock = clock;
    }

    private record Row(UUID caseId, UUID itemId, String url, String recipientKey, LegalStatus legalStatus, Set<String> forms,
                       boolean childSexualAbuse, int noticesSent, Instant overdueSince, boolean disputed) {
    }

    /** Not read-only: routing may publish its seed rule set on first use. */
    @Override
    @Transactional
    public List<Candidate> candidates() {
        Instant now = clock.instant();
        Set<String> pattern = patternRecipients(now);
        Map<String, Optional<Organisation>> platforms = new HashMap<>();
        Map<String, Row> rows = new LinkedHashMap<>();
        for (Row row : openItems()) {
            rows.put(row.itemId() + " " + row.recipientKey(), row);
        }
        for (Row refusal : disputedRefusals()) {
            rows.merge(refusal.itemId() + " " + refusal.recipientKey(), refusal, (overdue, disputed) -> new Row(overdue.caseId(),
                    overdue.itemId(), overdue.url(), overdue.recipientKey(), overdue.legalStatus(), overdue.forms(),
                    overdue.childSexualAbuse(), overdue.noticesSent(), overdue.overdueSince(), true));
        }
        List<Row> chosen = new ArrayList<>();
        List<EnumSet<CandidateReason>> reasons = new ArrayList<>();
        Set<String> patternCovered = new HashSet<>();
        for (Row row : rows.values()) {
            Optional<Organisation> platform = platforms.computeIfAbsent(row.recipientKey(), directory::findByKey);
            EnumSet<CandidateReason> why = reasonsFor(row, platform, pattern, now);
            if (!why.isEmpty()) {
                chosen.add(row);
                reasons.add(why);
                if (why.contains(CandidateReason.PATTERN_IGNORED)) {
                    patternCovered.add(row.recipientKey());
                }
            }
        }
        for (String key : pattern) {
            if (!patternCovered.contains(key)) {
                platforms.computeIfAbsent(key, directory::findByKey);
                chosen.add(new Row(null, null, null, key, LegalStatus.ILLEGAL, Set.of(), false, 0, null, false));
                reasons.add(EnumSet.of(CandidateReason.PATTERN_IGNORED));
            }
        }
        return assemble(chosen, reasons, platforms);
    }

    private EnumSet<CandidateReason> reasonsFor(Row row, Optional<Organisation> platform, Set<String> pattern, Instant now) {
        EnumSet<CandidateReason> why = EnumSet.noneOf(CandidateReason.class);
        if (row.overdueSince() != null) {
            EscalationSettings.Rule rule = settings.candidates().ruleFor(platform.map(o -> o.kind().code()).orElse(null));
            if (row.noticesSent() >= rule.notices()) {
                why.add(CandidateReason.NOTICES_IGNORED);
            }
            if (!row.overdueSince().plus(rule.overdue()).isAfter(now)) {
                why.add(CandidateReason.LONG_OVERDUE);
            }
            if (pattern.contains(row.recipientKey())) {
                why.add(CandidateReason.PATTERN_IGNORED);
            }
        }
        if (row.disputed()) {
            why.add(CandidateReason.REFUSAL_DISPUTED);
        }
        return why;
    }

    private List<Candidate> assemble(List<Row> chosen, List<EnumSet<CandidateReason>> reasons,
                                     Map<String, Optional<Organisation>> platforms) {
        Map<UUID, String> numbers = new HashMap<>();
        Set<UUID> caseIds = new HashSet<>();
        chosen.stream().map(Row::caseId).filter(java.util.Objects::nonNull).forEach(caseIds::add);
        for (CaseView view : cases.findAll(caseIds)) {
            numbers.put(view.id(), view.caseNumber());
        }
        List<ProposingAuthorities.Question> questions = chosen.stream().map(row -> new ProposingAuthorities.Question(
                row.legalStatus(), row.forms(), row.childSexualAbuse(), platforms.get(row.recipientKey()).orElse(null))).toList();
        List<List<ProposedAuthority>> proposed = authorities.propose(questions);
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < chosen.size(); i++) {
            Row row = chosen.get(i);
            Optional<Organisation> platform = platforms.get(row.recipientKey());
            candidates.add(new Candidate(row.caseId(), numbers.get(row.caseId()), row.itemId(), row.url(), row.recipientKey(),
                    platform.map(Organisation::name).orElse(row.recipientKey()), row.noticesSent(), row.overdueSince(),
                    List.copyOf(reasons.get(i)), proposed.get(i)));
        }
        candidates.sort(Comparator.comparing(Candidate::overdueSince, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Candidate::platformKey).thenComparing(Candidate::url, Comparator.nullsFirst(Comparator.naturalOrder())));
        return candidates;
    }

    private Set<String> patternRecipients(Instant now) {
        EscalationSettings.Pattern rule = settings.pattern();
        Set<String> keys = new HashSet<>();
        for (NoticeFigures.RecipientFigures one : figures.byRecipient(now.minus(rule.window()), now)) {
            if (one.sent() >= rule.minimumNotices() && one.shareIgnored() > rule.threshold()) {
                keys.add(one.recipientKey());
            }
        }
        return keys;
    }

    private List<Row> openItems() {
        return jdbc.sql("""
                        select case_id, reported_item_id, url, recipient_key, legal_status, forms, child_sexual_abuse,
                               notices_sent, first_overdue_at
                        from escalation_item where offline_at is null order by first_overdue_at""")
                .query((rs, n) -> new Row(rs.getObject("case_id", UUID.class), rs.getObject("reported_item_id", UUID.class),
                        rs.getString("url"), rs.getString("recipient_key"), legalStatus(rs.getString("legal_status")),
                        Set.of((String[]) rs.getArray("forms").getArray()), rs.getBoolean("child_sexual_abuse"),
                        rs.getInt("notices_sent"), rs.getTimestamp("first_overdue_at").toInstant(), false))
                .list();
    }

    private List<Row> disputedRefusals() {
        return jdbc.sql("""
                        select distinct on (reported_item_id, recipient_key) case_id, reported_item_id, url, recipient_key,
                               legal_status, forms, child_sexual_abuse
                        from escalation_refusal where disputed_at is not null and offline_at is null
                        order by reported_item_id, recipient_key, refused_at""")
                .query((rs, n) -> new Row(rs.getObject("case_id", UUID.class), rs.getObject("reported_item_id", UUID.class),
                        rs.getString("url"), rs.getString("recipient_key"), legalStatus(rs.getString("legal_status")),
                        Set.of((String[]) rs.getArray("forms").getArray()), rs.getBoolean("child_sexual_abuse"), 0, null, true))
                .list();
    }

    static LegalStatus legalStatus(String code) {
        try {
            return LegalStatus.ofCode(code);
        } catch (IllegalArgumentException e) {
            return LegalStatus.UNKNOWN;
        }
    }
}
