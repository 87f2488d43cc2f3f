package org.recourse.statistics.internal.facts;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.recourse.assessment.ReferralMade;
import org.recourse.directory.Directory;
import org.recourse.directory.Organisation;
import org.recourse.intake.Cases;
import org.recourse.intake.MonitoringFacts;
import org.recourse.intake.ReportReceived;
import org.recourse.intake.ReportsReceived;
import org.recourse.matching.ReuploadConfirmed;
import org.recourse.statistics.EscalationRecorded;
import org.recourse.takedown.NoticeAnswered;
import org.recourse.takedown.NoticeContentRemoved;
import org.recourse.takedown.NoticeSent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the statistics read model up to date from other modules' events. Only coded fields are
 * kept; the municipality is kept as the CBS name it matched. Every write is idempotent, so an
 * event delivered twice (after a restart) counts once.
 */
@Component
class RecordingFacts {

    static final String UNKNOWN = Municipalities.UNKNOWN;

    private final JdbcClient jdbc;
    private final Cases cases;
    private final Municipalities municipalities;
    private final Directory directory;

    RecordingFacts(JdbcClient jdbc, Cases cases, Municipalities municipalities, Directory directory) {
        this.directory = directory;
        this.jdbc = jdbc;
        this.cases = cases;
        this.municipalities = municipalities;
    }

    @ApplicationModuleListener
    void on(ReportsReceived received) {
        List<MonitoringFacts> facts = cases.monitoringFactsOf(received.reports().stream().map(ReportReceived::caseId).toList());
        facts.forEach(this::record);
    }

    void record(MonitoringFacts f) {
        Municipalities.Match place = municipalities.match(f.municipality());
        jdbc.sql("""
                        insert into stat_case (case_id, received_at, channel, reporter_type, form, gender, age_band, relationship,
                            police_contacted, municipality, province, items)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (case_id) do nothing""")
                .params(f.caseId(), Timestamp.from(f.receivedAt()), f.channel().code(),
                        f.reporterType() == null ? UNKNOWN : f.reporterType().code(),
                        f.forms() == null || f.forms().isEmpty() ? UNKNOWN : f.forms().getFirst(), coded(f.gender()),
                        coded(f.ageBand()), coded(f.relationship()), coded(f.policeContacted()), place.municipality(),
                        place.province(), f.items())
                .update();
    }

    @ApplicationModuleListener
    void on(NoticeSent sent) {
        jdbc.sql("""
                        insert into stat_notice (notice_id, platform, trusted_flagger, form, legal_status, items, sent_at, sla_due_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (notice_id) do nothing""")
                .params(sent.noticeId(), sent.recipientKey() == null ? UNKNOWN : sent.recipientKey(), sent.trustedFlagger(),
                        sent.forms() == null || sent.forms().isEmpty() ? UNKNOWN : sent.forms().getFirst(),
                        sent.legalStatus() == null ? UNKNOWN : sent.legalStatus().toLowerCase(java.util.Locale.ROOT),
                        sent.items(), Timestamp.from(sent.sentAt()), at(sent.slaDueAt()))
                .update();
    }

    @ApplicationModuleListener
    void on(NoticeAnswered answer) {
        jdbc.sql("update stat_notice set acknowledged_at = least(coalesce(acknowledged_at, ?), ?) where notice_id = ?")
                .params(at(answer.receivedAt()), at(answer.receivedAt()), answer.noticeId()).update();
        if (answer.decision() != null) {
            // An earlier answer run again after a later one (decision 0024) leaves the later decision.
            jdbc.sql("update stat_notice set decided_at = ?, decision = ? where notice_id = ? and (decided_at is null or decided_at <= ?)")
                    .params(at(answer.receivedAt()), answer.decision().code(), answer.noticeId(), at(answer.receivedAt())).update();
        }
    }

    @ApplicationModuleListener
    void on(NoticeContentRemoved removed) {
        jdbc.sql("update stat_notice set removed_at = coalesce(removed_at, ?) where notice_id = ?")
                .params(at(removed.removedAt()), removed.noticeId()).update();
    }

    /** The organisation's answer to a hand-off: on the referral it answers (the latest one to it, when several match). */
    @ApplicationModuleListener
    void on(org.recourse.assessment.ReferralAnswered answered) {
        jdbc.sql("""
                        update stat_referral set outcome = ?
                        where id = (select id from stat_referral where case_id = ? and kind = ? and organisation = ? and referred_at = ?
                                    order by referred_at desc limit 1)""")
                .params(answered.outcome(), answered.caseId(), answered.kind(), answered.organisationKey(), at(answered.referredAt()))
                .update();
    }

    @ApplicationModuleListener
    void on(ReferralMade referral) {
        jdbc.sql("""
                        insert into stat_referral (id, case_id, kind, organisation, referred_at)
                        values (gen_random_uuid(), ?, ?, ?, ?)
                        on conflict (case_id, kind, organisation, referred_at) do nothing""")
                .params(referral.caseId(), referral.kind(), referral.organisationKey(), at(referral.referredAt()))
                .update();
    }

    @ApplicationModuleListener
    void on(EscalationRecorded escalation) {
        jdbc.sql("""
                        update stat_notice set escalated_at = coalesce(escalated_at, ?),
                            escalation_outcome = coalesce(?, escalation_outcome) where notice_id = ?""")
                .params(at(escalation.escalatedAt()), escalation.outcome(), escalation.noticeId()).update();
    }

    /** A confirmed re-upload counts on the platform the directory knows for its address ("unknown" otherwise), when it was found. */
    @ApplicationModuleListener
    void on(ReuploadConfirmed found) {
        String platform = hostOf(found.url()).flatMap(directory::findByDomain).map(Organisation::key).orElse(UNKNOWN);
        jdbc.sql("insert into stat_reupload (id, case_id, platform, found_at) values (?, ?, ?, ?) on conflict (id) do nothing")
                .params(found.findingId(), found.originalCaseId(), platform, at(found.foundAt())).update();
    }

    private static java.util.Optional<String> hostOf(String url) {
        try {
            return java.util.Optional.ofNullable(java.net.URI.create(url).getHost());
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }

    private static String coded(String value) {
        return value == null || value.isBlank() ? UNKNOWN : value;
    }

    private static Timestamp at(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
