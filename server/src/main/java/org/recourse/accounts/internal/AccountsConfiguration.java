package org.recourse.accounts.internal;

import java.util.Set;

import org.recourse.platform.RouteRules;
import org.recourse.platform.StaffNavigation;
import org.recourse.platform.StaffStage;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AccountsConfiguration {

    @Bean
    RouteRules accountsRouteRules() {
        return rules -> rules.requestMatchers("/staff/admin/users", "/staff/admin/users/**").hasRole("ADMIN");
    }

    @Bean
    StaffNavigation usersNavigation() {
        return new StaffNavigation("accounts.nav.users", "accounts.nav.users.description", "/staff/admin/users",
                Set.of("ADMIN"), 800, StaffStage.ADMINISTRATION);
    }

    @Bean
    StaffNavigation passwordNavigation() {
        return new StaffNavigation("accounts.nav.password", "accounts.nav.password.description", "/account/password",
                Set.of("ADMIN", "COORDINATOR", "ANALYST", "LIAISON", "AUDITOR"), 990,
                StaffStage.ADMINISTRATION);
    }
}
