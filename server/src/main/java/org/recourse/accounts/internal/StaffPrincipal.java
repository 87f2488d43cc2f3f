package org.recourse.accounts.internal;

import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in staff member. It lives in the shared session store, so it holds only what the
 * sign-in steps need; roles are granted only after the second factor (see {@link SignInSteps}).
 */
final class StaffPrincipal implements UserDetails, CredentialsContainer, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final UUID id;
    private final String username;
    private String passwordHash;
    private final List<String> roles;
    private final boolean active;
    private final boolean locked;
    private final boolean totpEnrolled;
    private final boolean mustChangePassword;

    StaffPrincipal(StaffUser user, Instant now) {
        this.id = user.id();
        this.username = user.username();
        this.passwordHash = user.passwordHash();
        this.roles = user.roles().stream().map(r -> r.authority()).sorted().toList();
        this.active = user.active();
        this.locked = user.lockedAt(now);
        this.totpEnrolled = user.totpEnrolled();
        this.mustChangePassword = user.mustChangePassword();
    }

    UUID id() {
        return id;
    }

    boolean totpEnrolled() {
        return totpEnrolled;
    }

    boolean mustChangePassword() {
        return mustChangePassword;
    }

    /** The authorities of a member who passed both factors. */
    List<GrantedAuthority> roleAuthorities() {
        return roles.stream().<GrantedAuthority>map(SimpleGrantedAuthority::new).toList();
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roleAuthorities();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return active;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public String toString() {
        return "StaffPrincipal[" + username + "]";
    }
}
