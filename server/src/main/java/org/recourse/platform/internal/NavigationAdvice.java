package org.recourse.platform.internal;

import java.util.Comparator;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.recourse.platform.StaffNavigation;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives every page the staff menu the signed-in user may use, grouped by stage of the chain
 * ({@code staffMenu}), and the same entries as one list ({@code staffNavigation}).
 */
@ControllerAdvice
class NavigationAdvice {

    private final List<StaffNavigation> entries;

    NavigationAdvice(List<StaffNavigation> entries) {
        this.entries = entries.stream()
                .sorted(Comparator.comparing(StaffNavigation::stage).thenComparingInt(StaffNavigation::order)).toList();
    }

    @ModelAttribute("staffNavigation")
    List<StaffNavigation> staffNavigation() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated()) {
            return List.of();
        }
        List<String> roles = auth.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a != null && a.startsWith("ROLE_"))
                .map(a -> a.substring("ROLE_".length()))
                .toList();
        // Partner API callers and reporters hold no staff role: this runs for every request, API calls included.
        if (roles.isEmpty()) {
            return List.of();
        }
        return entries.stream().filter(e -> e.roles().stream().anyMatch(roles::contains)).toList();
    }

    @ModelAttribute("staffMenu")
    StaffMenu staffMenu(HttpServletRequest request) {
        List<StaffNavigation> mine = staffNavigation();
        if (mine.isEmpty()) {
            return new StaffMenu(List.of(), false);
        }
        String name = SecurityContextHolder.getContext().getAuthentication().getName();
        return StaffMenu.of(mine, name, request.getRequestURI());
    }
}
