package org.recourse.platform;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One thing on the dashboard's "needs attention" list: why it waits for a person and what to do.
 *
 * @param reasonKey       message key of the reason, in the contributing module's bundle
 * @param reasonArguments values for the reason's numbered slots ({0}, {1}, ...), shown as given
 * @param caseId          the case it belongs to; the list names it by case number
 * @param actionKey       message key of the action to take (the link text)
 * @param actionHref      where that action is done
 * @param since           since when it waits; the longest waiting come first
 */
public record AttentionItem(String reasonKey, List<String> reasonArguments, UUID caseId, String actionKey, String actionHref,
                            Instant since) {

    public AttentionItem {
        reasonArguments = List.copyOf(reasonArguments);
    }

    /** A module's entries of several kinds as {@link NeedsAttention#waiting} returns them: longest waiting first, at most {@code limit}. */
    public static List<AttentionItem> longestWaitingFirst(List<AttentionItem> items, int limit) {
        return items.stream().sorted(java.util.Comparator.comparing(AttentionItem::since)).limit(limit).toList();
    }
}
