package org.recourse.platform.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.recourse.platform.AttentionItem;
import org.recourse.platform.CaseNumbers;
import org.recourse.platform.NeedsAttention;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * The dashboard's "needs attention" list: every module's entries the signed-in person's roles may act on,
 * longest waiting first, a page at a time and optionally only one module's ("area") entries.
 */
@Service
class AttentionList {

    static final int PAGE_SIZE = 50;
    /** Pages beyond this are not offered: a list this long needs a coordinator, not paging. */
    static final int MAX_PAGE = 40;

    /** An entry with the number of its case. */
    record Entry(AttentionItem item, String caseNumber) {
    }

    /**
     * One page of the list.
     *
     * @param area  the module shown, or null for all
     * @param areas the modules whose entries this person may see, for the filter
     */
    record Waiting(List<Entry> entries, String area, Set<String> areas, int page, boolean more) {

        public boolean hasPrevious() {
            return page > 1;
        }

        /** More is waiting than the pages offer. */
        public boolean beyond() {
            return more && page >= MAX_PAGE;
        }

        public boolean hasNext() {
            return more && page < MAX_PAGE;
        }
    }

    private final List<NeedsAttention> providers;
    private final ObjectProvider<CaseNumbers> caseNumbers;

    AttentionList(List<NeedsAttention> providers, ObjectProvider<CaseNumbers> caseNumbers) {
        this.providers = providers;
        this.caseNumbers = caseNumbers;
    }

    /** The first page of everything waiting for these roles. */
    Waiting waitingFor(Collection<String> roles) {
        return waitingFor(roles, null, 1);
    }

    /**
     * A page of what waits for these roles; an unknown area or a page out of range shows the first page of all.
     */
    Waiting waitingFor(Collection<String> roles, String area, int page) {
        List<NeedsAttention> visible = providers.stream()
                .filter(provider -> provider.roles().stream().anyMatch(roles::contains)).toList();
        Set<String> areas = new TreeSet<>();
        visible.forEach(provider -> areas.add(provider.area()));
        String shownArea = area != null && areas.contains(area) ? area : null;
        int shownPage = page >= 1 && page <= MAX_PAGE ? page : 1;
        int wanted = shownPage * PAGE_SIZE + 1;
        List<AttentionItem> items = new ArrayList<>();
        for (NeedsAttention provider : visible) {
            if (shownArea == null || shownArea.equals(provider.area())) {
                items.addAll(provider.waiting(wanted));
            }
        }
        items.sort(Comparator.comparing(AttentionItem::since));
        int from = (shownPage - 1) * PAGE_SIZE;
        boolean more = items.size() > shownPage * PAGE_SIZE;
        List<AttentionItem> shown = items.size() <= from ? List.of() : items.subList(from, Math.min(items.size(), shownPage * PAGE_SIZE));
        Set<UUID> ids = new java.util.HashSet<>();
        shown.forEach(item -> ids.add(item.caseId()));
        ids.remove(null);
        CaseNumbers numbers = caseNumbers.getIfAvailable();
        Map<UUID, String> byId = numbers == null || ids.isEmpty() ? Map.of() : numbers.numbers(ids);
        return new Waiting(shown.stream().map(item -> new Entry(item, item.caseId() == null ? null : byId.get(item.caseId()))).toList(),
                shownArea, areas, shownPage, more);
    }
}
