package org.recourse.referral.internal.orders;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** An existing protection order recorded on a case, with the names and accounts of the person it binds. */
public record ProtectionOrder(UUID id, UUID caseId, OrderKind kind, String issuedBy, LocalDate startsOn, LocalDate endsOn,
                              List<String> boundNames, List<String> boundAccounts, String recordedBy, Instant recordedAt,
                              Instant checkedInAt) {

    public ProtectionOrder {
        boundNames = List.copyOf(boundNames);
        boundAccounts = List.copyOf(boundAccounts);
    }
}
