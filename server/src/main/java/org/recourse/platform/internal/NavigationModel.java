package org.recourse.platform.internal;

import java.util.Comparator;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.recourse.platform.StaffNavigation;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.ModelMap;

/**
 * Gives every page the staff menu the signed-in user may use, grouped by stage of the chain
 * ({@code staffMenu}), and the same entries as one list ({@code staffNavigation}).
 */
@Component
class NavigationModel implements PageModel {

    private final List<StaffNavigation> entries;

    NavigationModel(List<StaffNavigation> entries) {
        this.entries = entries.stream()
                .sorted(Comparator.comparing(StaffNavigation::stage).thenComparingInt(StaffNavigation::order)).toList();
    }

    @Override
    public void addTo(HttpServletRequest request, ModelMap model) {
        List<StaffNavigation> mine = staffNavigation();
        if (!model.containsAttribute("staffNavigation")) {
            model.addAttribute("staffNavigation", mine);
        }
        if (!model.containsAttribute("staffMenu")) {
            model.addAttribute("staffMenu", staffMenu(mine, request));
        }
    }

    private List<StaffNavigation> staffNavigation() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated()) {
            return List.of();
        }
        List<String> roles = auth.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a != null && a.startsWith("ROLE_"))
                .map(a -> a.substring("ROLE_".length()))
                .toList();
        // Reporters on their status page hold no staff role.
        if (roles.isEmpty()) {
            return List.of();
        }
        return entries.stream().filter(e -> e.roles().stream().anyMatch(roles::contains)).toList();
    }

    private static StaffMenu staffMenu(List<StaffNavigation> mine, HttpServletRequest request) {
        if (mine.isEmpty()) {
            return new StaffMenu(List.of(), false);
        }
        String name = SecurityContextHolder.getContext().getAuthentication().getName();
        return StaffMenu.of(mine, name, request.getRequestURI());
    }
}
