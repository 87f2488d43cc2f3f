package org.recourse.accounts.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.recourse.audit.AuditTrail;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The steps of a staff member's sign-in that change the account, each on the audit trail with it. */
@Service
class SigningInStaff {

    private final StaffUserRepository users;
    private final PasswordEncoder encoder;
    private final AuditTrail audit;
    private final Clock clock;

    SigningInStaff(StaffUserRepository users, PasswordEncoder encoder, AuditTrail audit, Clock clock) {
        this.users = users;
        this.encoder = encoder;
        this.audit = audit;
        this.clock = clock;
    }

    /** The authenticator app is set up: its secret and the step of the code that proved it. */
    @Transactional
    void enrolTotp(UUID id, String secret, long step, Instant at) {
        users.enrolTotp(id, secret, step, at);
        audit.record("staff.totp-enrolled", "staff_user", id.toString(), null);
    }

    /** A new password the policy accepted. */
    @Transactional
    void changePassword(UUID id, String password) {
        users.setPassword(id, encoder.encode(password), false, Instant.now(clock));
        audit.record("staff.password-changed", "staff_user", id.toString(), null);
    }

    /** Both factors passed: earlier failures are forgotten. */
    @Transactional
    void signedIn(UUID id, String factor) {
        users.clearFailures(id);
        audit.record("staff.signed-in", "staff_user", id.toString(), "factor=" + factor);
    }
}
