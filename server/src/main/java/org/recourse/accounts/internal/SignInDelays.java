package org.recourse.accounts.internal;

import java.time.Duration;

import org.recourse.platform.Throttle;
import org.springframework.stereotype.Component;

/**
 * Wrong passwords are counted per user name <em>and</em> client address. From one address, a name
 * waits a growing while after a few wrong passwords (30 s, then 1, 2, 4 … up to the lock-out
 * duration); from any other address it can be used at once. No count is kept per account alone:
 * anyone who knows a staff member's user name could otherwise keep her locked out for good with
 * a few wrong passwords every quarter of an hour. Guessing at one name from many addresses meets
 * the per-address and total limits (and the second factor). Names and addresses are stored only
 * as keyed hashes (a name field sometimes holds a password), and an administrator's unlock lifts
 * the waits for that name from every address.
 */
@Component
class SignInDelays {

    static final Duration MEMORY = Duration.ofHours(24);
    static final Duration FIRST_WAIT = Duration.ofSeconds(30);

    private final Throttle throttle;
    private final SecuritySettings settings;

    SignInDelays(Throttle throttle, SecuritySettings settings) {
        this.throttle = throttle;
        this.settings = settings;
    }

    /** Whether this name must wait before it is tried from this address again. */
    boolean waiting(String username, String address) {
        return throttle.blocked(Throttle.STAFF_SIGN_IN_NAME_ADDRESS, subject(username, address));
    }

    /** Counts a wrong password for this name from this address. */
    void failed(String username, String address) {
        throttle.hitGrowing(Throttle.STAFF_SIGN_IN_NAME_ADDRESS, subject(username, address), settings.maxFailedLogins(),
                MEMORY, FIRST_WAIT, settings.lockoutDuration());
    }

    /** The right password: this address starts afresh for this name. */
    void succeeded(String username, String address) {
        throttle.clear(Throttle.STAFF_SIGN_IN_NAME_ADDRESS, subject(username, address));
    }

    /** Lifts the waits for this name from every address (an administrator's unlock). */
    void lift(String username) {
        throttle.clearStartingWith(Throttle.STAFF_SIGN_IN_NAME_ADDRESS, name(username) + ":");
    }

    private String subject(String username, String address) {
        return name(username) + ":" + throttle.addressSubject(address);
    }

    private String name(String username) {
        return throttle.addressSubject("name:" + username);
    }
}
