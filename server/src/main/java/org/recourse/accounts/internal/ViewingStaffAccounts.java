package org.recourse.accounts.internal;

import java.util.Optional;
import java.util.UUID;

import org.recourse.audit.AuditTrail;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An administrator opens a staff member's account: who looked at whose account is on the audit trail. */
@Service
class ViewingStaffAccounts {

    private final StaffUserRepository users;
    private final AuditTrail audit;

    ViewingStaffAccounts(StaffUserRepository users, AuditTrail audit) {
        this.users = users;
        this.audit = audit;
    }

    @Transactional
    Optional<StaffUser> view(UUID id) {
        Optional<StaffUser> user = users.findById(id);
        user.ifPresent(found -> audit.record("staff.viewed", "staff_user", id.toString(), null));
        return user;
    }
}
