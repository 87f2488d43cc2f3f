package org.recourse.accounts.internal;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.recourse.accounts.StaffMember;
import org.recourse.accounts.StaffRole;

/** A staff account row, credentials included; never leaves this module. */
public record StaffUser(UUID id, String username, String displayName, String email, String passwordHash,
                 Set<StaffRole> roles, String organisation, String totpSecret, boolean totpEnrolled,
                 long lastTotpStep, int failedAttempts, Instant lockedUntil, boolean mustChangePassword,
                 boolean active, Instant createdAt) {

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    StaffMember member() {
        return new StaffMember(id, username, displayName, roles, organisation, active);
    }
}
