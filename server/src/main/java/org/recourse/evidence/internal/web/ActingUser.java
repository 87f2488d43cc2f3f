package org.recourse.evidence.internal.web;

import org.recourse.accounts.StaffMember;
import org.recourse.accounts.StaffMembers;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The signed-in staff member, as the pages need them: name, roles, organisation. */
@Component
class ActingUser {

    private final StaffMembers staff;

    ActingUser(StaffMembers staff) {
        this.staff = staff;
    }

    String username() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null ? "unknown" : auth.getName();
    }

    boolean hasRole(String role) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_" + role));
    }

    /** The police unit or regulator a liaison belongs to, or null. */
    String organisation() {
        return staff.current().map(StaffMember::organisation).filter(o -> !o.isBlank()).orElse(null);
    }
}
