package org.recourse.intake.internal.cases;

import java.util.List;

/** A report that passed validation, with its URLs normalised. */
public record ValidatedReport(NewReport report, List<CheckedItem> items, boolean childAbuseRoute) {

    /** {@code url} as given (trimmed), {@code normalisedUrl} for duplicate detection; both null without URL. */
    public record CheckedItem(String url, String normalisedUrl, String host, String platform, String account,
                              String description, String referer) {
    }
}
