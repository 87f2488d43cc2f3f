package org.recourse.platform.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.recourse.platform.StaffNavigation;
import org.recourse.platform.StaffStage;

/**
 * The staff menu of one request: the entries a person may use, grouped by stage of the chain,
 * with what waits for them. Counts are computed when a page first shows them, once per request.
 *
 * @param atDashboard whether the page shown is the dashboard
 */
public record StaffMenu(List<Stage> stages, boolean atDashboard) {

    /** A stage with its entries; {@code current} when the page shown belongs to it. */
    public record Stage(StaffStage stage, List<Link> links, boolean current) {

        public String labelKey() {
            return stage.labelKey();
        }

        /** What waits in the whole stage, or null when none of its pages counts anything. */
        public Long waiting() {
            Long total = null;
            for (Link link : links) {
                Long count = link.waiting();
                if (count != null) {
                    total = (total == null ? 0 : total) + count;
                }
            }
            return total;
        }
    }

    /** One entry; {@code current} when it is the page shown. */
    public static final class Link {
        private final StaffNavigation entry;
        private final String username;
        private final boolean current;
        private Long count;
        private boolean counted;

        Link(StaffNavigation entry, String username, boolean current) {
            this.entry = entry;
            this.username = username;
            this.current = current;
        }

        public StaffNavigation entry() {
            return entry;
        }

        public String href() {
            return entry.href();
        }

        public String labelKey() {
            return entry.labelKey();
        }

        public String descriptionKey() {
            return entry.descriptionKey();
        }

        public boolean current() {
            return current;
        }

        /** What waits there for the signed-in person, or null when the page has no work list. */
        public Long waiting() {
            if (!counted) {
                count = entry.waiting() == null ? null : entry.waiting().count(username);
                counted = true;
            }
            return count;
        }
    }

    static StaffMenu of(List<StaffNavigation> entries, String username, String path) {
        StaffNavigation currentEntry = entries.stream()
                .filter(e -> path.equals(e.href()) || path.startsWith(e.href() + "/"))
                .max(Comparator.comparingInt(e -> e.href().length())).orElse(null);
        Map<StaffStage, List<Link>> byStage = new EnumMap<>(StaffStage.class);
        entries.stream().sorted(Comparator.comparing(StaffNavigation::stage).thenComparingInt(StaffNavigation::order))
                .forEach(e -> byStage.computeIfAbsent(e.stage(), s -> new ArrayList<>())
                        .add(new Link(e, username, e == currentEntry)));
        List<Stage> stages = new ArrayList<>();
        byStage.forEach((stage, links) -> stages.add(new Stage(stage, List.copyOf(links),
                currentEntry != null && currentEntry.stage() == stage)));
        return new StaffMenu(List.copyOf(stages), "/staff".equals(path));
    }

    public boolean isEmpty() {
        return stages.isEmpty();
    }
}
