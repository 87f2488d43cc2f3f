package org.recourse.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.recourse.platform.AttentionItem;
import org.recourse.platform.NeedsAttention;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/**
 * A long "needs attention" list is read a page at a time, longest waiting first across modules, and can
 * be narrowed to one part of the work; nobody sees a part their roles cannot act on.
 */
class AttentionListTest {

    static final Instant START = Instant.parse("2026-06-01T08:00:00Z");

    /** A module's contribution: {@code count} entries, one a minute from {@code offset} minutes after the start. */
    record Contribution(String area, Set<String> roles, int count, int offset) implements NeedsAttention {

        @Override
        public List<AttentionItem> waiting(int limit) {
            List<AttentionItem> items = new ArrayList<>();
            for (int i = 0; i < Math.min(limit, count); i++) {
                items.add(new AttentionItem(area + ".reason", List.of(area + "-" + i), null, area + ".action", "/staff/" + area,
                        START.plusSeconds(60L * (offset + 2L * i))));
            }
            return items;
        }
    }

    final AttentionList list = new AttentionList(List.of(
            new Contribution("takedown", Set.of("ANALYST"), 70, 0),
            new Contribution("escalation", Set.of("ANALYST", "COORDINATOR"), 40, 1),
            new Contribution("operations", Set.of("ADMIN"), 5, 0)),
            new StaticListableBeanFactory().getBeanProvider(org.recourse.platform.CaseNumbers.class));

    static List<String> names(AttentionList.Waiting waiting) {
        return waiting.entries().stream().map(e -> e.item().reasonArguments().getFirst()).toList();
    }

    @Test
    void pagesInterleaveModulesLongestWaitingFirstAndEndWhereTheEntriesEnd() {
        AttentionList.Waiting first = list.waitingFor(List.of("ANALYST"), null, 1);
        assertThat(first.areas()).containsExactly("escalation", "takedown");
        assertThat(first.entries()).hasSize(AttentionList.PAGE_SIZE);
        assertThat(names(first)).startsWith("takedown-0", "escalation-0", "takedown-1", "escalation-1");
        assertThat(first.hasPrevious()).isFalse();
        assertThat(first.hasNext()).isTrue();

        AttentionList.Waiting second = list.waitingFor(List.of("ANALYST"), null, 2);
        assertThat(second.entries()).hasSize(AttentionList.PAGE_SIZE);
        assertThat(second.hasPrevious()).isTrue();
        AttentionList.Waiting third = list.waitingFor(List.of("ANALYST"), null, 3);
        assertThat(third.entries()).hasSize(110 - 2 * AttentionList.PAGE_SIZE);
        assertThat(third.hasNext()).isFalse();
        assertThat(third.beyond()).isFalse();

        List<String> all = new ArrayList<>(names(first));
        all.addAll(names(second));
        all.addAll(names(third));
        assertThat(all).hasSize(110).doesNotHaveDuplicates();
        assertThat(all.getLast()).isEqualTo("takedown-69");
    }

    @Test
    void oneAreaShowsOnlyItsEntriesAndAnUnknownAreaOrPageShowsTheFirstPageOfAll() {
        AttentionList.Waiting escalation = list.waitingFor(List.of("ANALYST"), "escalation", 1);
        assertThat(escalation.area()).isEqualTo("escalation");
        assertThat(names(escalation)).hasSize(40).allMatch(name -> name.startsWith("escalation-"));
        assertThat(escalation.hasNext()).isFalse();

        for (AttentionList.Waiting fallback : List.of(list.waitingFor(List.of("ANALYST"), "operations", 1),
                list.waitingFor(List.of("ANALYST"), "../../etc", 1), list.waitingFor(List.of("ANALYST"), null, 0),
                list.waitingFor(List.of("ANALYST"), null, AttentionList.MAX_PAGE + 1))) {
            assertThat(fallback.area()).isNull();
            assertThat(fallback.page()).isEqualTo(1);
            assertThat(names(fallback).getFirst()).isEqualTo("takedown-0");
        }
        assertThat(names(list.waitingFor(List.of("LIAISON"), null, 1))).isEmpty();
        assertThat(names(list.waitingFor(List.of("ADMIN"), null, 1))).containsExactly("operations-0", "operations-1", "operations-2",
                "operations-3", "operations-4");
    }

    @Test
    void aListLongerThanThePagesOfferSaysSo() {
        AttentionList huge = new AttentionList(List.of(new Contribution("takedown", Set.of("ANALYST"),
                AttentionList.PAGE_SIZE * AttentionList.MAX_PAGE + 1, 0)),
                new StaticListableBeanFactory().getBeanProvider(org.recourse.platform.CaseNumbers.class));
        AttentionList.Waiting last = huge.waitingFor(List.of("ANALYST"), null, AttentionList.MAX_PAGE);
        assertThat(last.entries()).hasSize(AttentionList.PAGE_SIZE);
        assertThat(last.hasNext()).isFalse();
        assertThat(last.beyond()).isTrue();
    }
}
