package org.recourse.accounts;

import java.util.Set;
import java.util.UUID;

/** A staff account as other modules see it: no credentials, no second factor. */
public record StaffMember(UUID id, String username, String displayName, Set<StaffRole> roles,
                          String organisation, boolean active) {

    public boolean has(StaffRole role) {
        return roles.contains(role);
    }
}
