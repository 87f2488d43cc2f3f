package org.recourse.takedown.internal.web;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.recourse.platform.CaseRef;
import org.recourse.platform.CaseSection;
import org.springframework.stereotype.Component;

/**
 * Take-down's part of the case page: each item with where it stands and its online checks, each
 * notice with its clock and the recipient's responses; in the timeline, decisions, notices queued
 * and sent, responses and items going offline.
 */
@Component
class TakedownSection implements CaseSection {

    static final String ANCHOR = "takedown";
    /** The flash attribute take-down's forms leave for this section when they could not do what was asked. */
    static final String ERROR = "takedownError";
    private static final int CHECKS_PER_ITEM = 3;

    /** What the fragment shows. */
    record Takedown(String error, List<Timelines.Item> items, Map<UUID, Instant> goesAt, Map<UUID, List<Timelines.Check>> checks,
                    List<NoticeClock.NoticeRow> notices, Map<UUID, List<Timelines.Response>> responses) {
    }

    private final Timelines timelines;
    private final NoticeClock clock;
    private final NoticeDetails details;

    TakedownSection(Timelines timelines, NoticeClock clock, NoticeDetails details) {
        this.timelines = timelines;
        this.clock = clock;
        this.details = details;
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public Content content(CaseRef ref, Map<String, ?> flash) {
        Map<UUID, List<Timelines.Check>> checks = new LinkedHashMap<>();
        timelines.latestChecks(ref.id(), CHECKS_PER_ITEM)
                .forEach(c -> checks.computeIfAbsent(c.itemId(), id -> new java.util.ArrayList<>()).add(c));
        List<NoticeClock.NoticeRow> notices = clock.forCase(ref.id());
        Map<UUID, List<Timelines.Response>> responses = new LinkedHashMap<>();
        notices.forEach(n -> responses.put(n.id(), timelines.responses(n.id())));
        NoticeDetails.CaseItems items = details.items(ref.id());
        return new Content(ANCHOR, "takedown.case.section", "takedown/case-section", "takedown",
                new Takedown((String) flash.get(ERROR), items.items(), items.goesAt(), checks, notices, responses));
    }

    @Override
    public List<Event> timeline(CaseRef ref) {
        return timelines.forCase(ref.id()).stream()
                .map(e -> new Event(e.at(), e.what(), e.detail(),
                        e.noticeId() == null ? ref.href(ANCHOR) : "/staff/takedown/notices/" + e.noticeId()))
                .toList();
    }
}
