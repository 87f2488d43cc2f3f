package org.recourse.accounts.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.recourse.accounts.StaffRole;
import org.recourse.audit.AuditTrail;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating and maintaining staff accounts. New accounts and password resets get a one-time
 * password that must be replaced at the next sign-in; nothing has a default password.
 */
@Service
class ProvisioningStaff {

    private final StaffUserRepository users;
    private final PasswordEncoder encoder;
    private final AuditTrail audit;
    private final Clock clock;
    private final SignInDelays delays;

    ProvisioningStaff(StaffUserRepository users, PasswordEncoder encoder, AuditTrail audit, Clock clock,
                      SignInDelays delays) {
        this.delays = delays;
        this.users = users;
        this.encoder = encoder;
        this.audit = audit;
        this.clock = clock;
    }

    record Created(StaffUser user, String oneTimePassword, String totpSecret) {
    }

    /**
     * @param password        a chosen password, or null to generate a one-time password
     * @param preEnrolTotp    give the account a TOTP secret now (headless provisioning) instead of
     *                        letting the user enrol at first sign-in
     */
    @Transactional
    Created create(NewAccount account, String password, boolean preEnrolTotp) {
        if (users.usernameTaken(account.username())) {
            throw new UsernameTakenException(account.username());
        }
        boolean generated = password == null;
        String secretPassword = generated ? OneTimePasswords.generate() : password;
        String totpSecret = preEnrolTotp ? Totp.newSecret() : null;
        StaffUser user = new StaffUser(UUID.randomUUID(), account.username(), account.displayName(), account.email(),
                encoder.encode(secretPassword), Set.copyOf(account.roles()), account.organisation(), totpSecret,
                preEnrolTotp, 0, 0, null, generated, true, now());
        users.insert(user, now());
        audit.record("staff.created", "staff_user", user.id().toString(),
                "username=" + user.username() + " roles=" + user.roles());
        return new Created(user, generated ? secretPassword : null, totpSecret);
    }

    @Transactional
    void update(UUID id, String displayName, String email, Set<StaffRole> roles, String organisation) {
        users.updateProfile(id, displayName, email, roles, organisation, now());
        audit.record("staff.updated", "staff_user", id.toString(), "roles=" + roles);
    }

    @Transactional
    String resetPassword(UUID id) {
        String oneTime = OneTimePasswords.generate();
        users.setPassword(id, encoder.encode(oneTime), true, now());
        users.clearFailures(id);
        users.findById(id).ifPresent(user -> delays.lift(user.username()));
        audit.record("staff.password-reset", "staff_user", id.toString(), null);
        return oneTime;
    }

    @Transactional
    void resetTotp(UUID id) {
        users.resetTotp(id, now());
        audit.record("staff.totp-reset", "staff_user", id.toString(), null);
    }

    @Transactional
    void unlock(UUID id) {
        users.clearFailures(id);
        users.findById(id).ifPresent(user -> delays.lift(user.username()));
        audit.record("staff.unlocked", "staff_user", id.toString(), null);
    }

    @Transactional
    void setActive(UUID id, boolean active) {
        users.setActive(id, active, now());
        audit.record(active ? "staff.reactivated" : "staff.deactivated", "staff_user", id.toString(), null);
    }

    private Instant now() {
        return Instant.now(clock);
    }

    static final class UsernameTakenException extends RuntimeException {
        UsernameTakenException(String username) {
            super("Username already in use: " + username);
        }
    }
}
