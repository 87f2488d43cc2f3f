package org.recourse.accounts;

import java.util.List;
import java.util.Optional;

/** Looks up staff accounts, e.g. the organisation a LIAISON belongs to. */
public interface StaffMembers {

    Optional<StaffMember> findByUsername(String username);

    /** The signed-in staff member of the current request, if any. */
    Optional<StaffMember> current();

    /** Active members holding a role, e.g. every LIAISON of one police unit. */
    List<StaffMember> withRole(StaffRole role);
}
