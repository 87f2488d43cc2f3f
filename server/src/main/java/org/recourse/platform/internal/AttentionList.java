package org.recourse.platform.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.recourse.platform.AttentionItem;
import org.recourse.platform.CaseNumbers;
import org.recourse.platform.NeedsAttention;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/** The dashboard's "needs attention" list: every module's entries the signed-in person's roles may act on, longest waiting first. */
@Service
class AttentionList {

    static final int LIMIT = 50;

    /** An entry with the number of its case. */
    record Entry(AttentionItem item, String caseNumber) {
    }

    /** The entries shown, and whether more are waiting than shown. */
    record Waiting(List<Entry> entries, boolean more) {
    }

    private final List<NeedsAttention> providers;
    private final ObjectProvider<CaseNumbers> caseNumbers;

    AttentionList(List<NeedsAttention> providers, ObjectProvider<CaseNumbers> caseNumbers) {
        this.providers = providers;
        this.caseNumbers = caseNumbers;
    }

    Waiting waitingFor(Collection<String> roles) {
        List<AttentionItem> items = new ArrayList<>();
        for (NeedsAttention provider : providers) {
            if (provider.roles().stream().anyMatch(roles::contains)) {
                items.addAll(provider.waiting(LIMIT + 1));
            }
        }
        items.sort(Comparator.comparing(AttentionItem::since));
        boolean more = items.size() > LIMIT;
        List<AttentionItem> shown = more ? items.subList(0, LIMIT) : items;
        Set<UUID> ids = new java.util.HashSet<>();
        shown.forEach(item -> ids.add(item.caseId()));
        CaseNumbers numbers = caseNumbers.getIfAvailable();
        Map<UUID, String> byId = numbers == null || ids.isEmpty() ? Map.of() : numbers.numbers(ids);
        return new Waiting(shown.stream().map(item -> new Entry(item, byId.get(item.caseId()))).toList(), more);
    }
}
