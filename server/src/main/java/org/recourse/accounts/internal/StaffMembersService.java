package org.recourse.accounts.internal;

import java.util.List;
import java.util.Optional;

import org.recourse.accounts.StaffMember;
import org.recourse.accounts.StaffMembers;
import org.recourse.accounts.StaffRole;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

@Service
class StaffMembersService implements StaffMembers {

    private final StaffUserRepository users;

    StaffMembersService(StaffUserRepository users) {
        this.users = users;
    }

    @Override
    public Optional<StaffMember> findByUsername(String username) {
        return users.findByUsername(username).map(StaffUser::member);
    }

    @Override
    public Optional<StaffMember> current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof StaffPrincipal principal)) {
            return Optional.empty();
        }
        return findByUsername(principal.getUsername());
    }

    @Override
    public List<StaffMember> withRole(StaffRole role) {
        return users.findActiveWithRole(role).stream().map(StaffUser::member).toList();
    }
}
