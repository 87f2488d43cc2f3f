package org.recourse.matching.internal.analyst;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.recourse.platform.CaseRef;
import org.recourse.platform.CaseSection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Matching's part of the case page: how many of the case's hashes are in the banks (and from
 * where), its captured images that could be banked, and possible re-uploads of its images; in the
 * timeline, each banking and each re-upload found.
 */
@Component
class MatchingSection implements CaseSection {

    static final String ANCHOR = "matching";

    /** What the fragment shows. */
    record Prevention(CaseRef ref, long banked, long capturedImages, long notBanked, List<Finding> findings) {
    }

    /** A possible re-upload involving the case: of its images, or found in its capture. */
    record Finding(UUID id, org.recourse.matching.internal.reupload.Finding.Status status, boolean ofThisCase, int distance, Instant foundAt) {
    }

    private final JdbcClient jdbc;
    private final org.recourse.matching.HashBanks banking;

    MatchingSection(JdbcClient jdbc, org.recourse.matching.HashBanks banking) {
        this.banking = banking;
        this.jdbc = jdbc;
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public Content content(CaseRef ref, Map<String, ?> flash) {
        long banked = banking.activeEntries(ref.id());
        long captured = jdbc.sql("select count(*) from match_captured_image where case_id = ?").param(ref.id()).query(Long.class).single();
        long notBanked = jdbc.sql("""
                        select count(*) from match_captured_image i where i.case_id = ? and i.quality > 0
                          and not exists (select 1 from match_entry e where e.evidence_id = i.evidence_id and e.status = 'ACTIVE')""")
                .param(ref.id()).query(Long.class).single();
        List<Finding> findings = jdbc.sql("""
                        select id, status, original_case_id = ? as of_this_case, distance, found_at from match_finding
                        where original_case_id = ? or capture_case_id = ? order by found_at""")
                .params(ref.id(), ref.id(), ref.id())
                .query((rs, n) -> new Finding(rs.getObject("id", UUID.class),
                        org.recourse.matching.internal.reupload.Finding.Status.valueOf(rs.getString("status")), rs.getBoolean("of_this_case"),
                        rs.getInt("distance"), rs.getTimestamp("found_at").toInstant()))
                .list();
        return new Content(ANCHOR, "matching.section.title", "matching/case-section", "matching",
                new Prevention(ref, banked, captured, notBanked, findings));
    }

    @Override
    public List<Event> timeline(CaseRef ref) {
        List<Event> events = new ArrayList<>();
        jdbc.sql("select source, min(added_at) as at, count(*) as n from match_entry where case_id = ? group by source, date_trunc('minute', added_at)")
                .param(ref.id())
                .query((rs, n) -> new Event(rs.getTimestamp("at").toInstant(), "matching.timeline.banked." + rs.getString("source").toLowerCase(java.util.Locale.ROOT),
                        Long.toString(rs.getLong("n")), "/staff/matching/cases/" + ref.caseNumber()))
                .list().forEach(events::add);
        jdbc.sql("select id, found_at from match_finding where original_case_id = ?").param(ref.id())
                .query((rs, n) -> new Event(rs.getTimestamp("found_at").toInstant(), "matching.timeline.finding", null,
                        "/staff/matching/findings/" + rs.getObject("id", UUID.class)))
                .list().forEach(events::add);
        return events;
    }
}
