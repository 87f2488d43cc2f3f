package org.recourse.assessment.internal.queue;

import java.util.List;

/**
 * What the queue page is narrowed to and how it is ordered; blank means "any".
 *
 * @param minor {@code yes}, {@code no} or blank
 * @param sort  {@code urgent} (urgent first, then oldest), {@code oldest}, {@code newest} or {@code platform}
 */
public record QueueFilter(String form, String platform, String minor, String channel, String sort) {

    public static final List<String> SORTS = List.of("urgent", "oldest", "newest", "platform");

    public QueueFilter {
        form = blankToNull(form);
        platform = blankToNull(platform);
        minor = blankToNull(minor);
        channel = blankToNull(channel);
        sort = sort != null && SORTS.contains(sort) ? sort : "urgent";
    }

    String orderBy() {
        return switch (sort) {
            case "oldest" -> "received_at, id";
            case "newest" -> "received_at desc, id";
            case "platform" -> "platform nulls last, urgent desc, received_at, id";
            default -> "urgent desc, received_at, id";
        };
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
