package org.recourse.intake.internal;

import java.util.Set;

import org.recourse.platform.RouteRules;
import org.recourse.platform.StaffNavigation;
import org.recourse.platform.StaffStage;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** Who may reach intake's routes, and intake's entries in the staff menu. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({IntakeSettings.class, org.recourse.intake.internal.updates.VictimUpdateSettings.class})
class IntakeConfiguration {

    @Bean
    RouteRules intakeRoutes() {
        return rules -> rules
                .requestMatchers("/report", "/melden", "/report/received", "/melden/ontvangen", "/status", "/status/case", "/status/case/information",
                        "/status/case/material", "/status/case/withdraw", "/status/sign-out", "/status/case/updates",
                        "/status/updates/stop").permitAll()
                .requestMatchers("/staff/intake", "/staff/intake/**").hasAnyRole("ANALYST", "COORDINATOR")
                // The one case page and search show victims' words: the people who work cases only.
                .requestMatchers(HttpMethod.GET, "/staff/cases/*", "/staff/search").hasAnyRole("ANALYST", "COORDINATOR")
                .requestMatchers(HttpMethod.POST, "/staff/cases/*/links").hasAnyRole("ANALYST", "COORDINATOR")
                .requestMatchers(HttpMethod.GET, "/staff/admin/api-keys").hasRole("ADMIN")
                .requestMatchers(HttpMethod.POST, "/staff/admin/api-keys", "/staff/admin/api-keys/*/revoke").hasRole("ADMIN");
    }

    @Bean
    StaffNavigation intakeNavigation() {
        return new StaffNavigation("intake.nav.cases", "intake.nav.cases.description", "/staff/intake",
                Set.of("ANALYST", "COORDINATOR"), 10, StaffStage.INTAKE);
    }

    @Bean
    StaffNavigation intakeImportNavigation() {
        return new StaffNavigation("intake.nav.import", "intake.nav.import.description", "/staff/intake/imports",
                Set.of("ANALYST", "COORDINATOR"), 11, StaffStage.INTAKE);
    }

    @Bean
    StaffNavigation apiKeysNavigation() {
        return new StaffNavigation("intake.nav.api-keys", "intake.nav.api-keys.description", "/staff/admin/api-keys",
                Set.of("ADMIN"), 810, StaffStage.ADMINISTRATION);
    }
}
