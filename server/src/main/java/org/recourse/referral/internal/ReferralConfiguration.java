package org.recourse.referral.internal;

import org.recourse.platform.RouteRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ReferralConfiguration {

    /** The signpost is for anyone, without an account. */
    @Bean
    RouteRules referralRouteRules() {
        return rules -> rules.requestMatchers("/wegwijzer", "/help").permitAll()
                .requestMatchers(org.springframework.http.HttpMethod.POST, "/staff/cases/*/protection-orders", "/staff/protection-orders/*/check-in",
                        "/staff/protection-order-breaches/*/handled", "/staff/cases/*/safety-checks", "/staff/cases/*/digital-risk-summary")
                .hasAnyRole("ANALYST", "COORDINATOR")
                .requestMatchers("/staff/safety-texts").hasAnyRole("COORDINATOR", "ADMIN")
                .requestMatchers(org.springframework.http.HttpMethod.POST, "/status/case/safety-check").permitAll();
    }

    /** Coordinators keep the digital-safety check's questions and advice. */
    @Bean
    org.recourse.platform.StaffNavigation safetyTextsNavigation() {
        return new org.recourse.platform.StaffNavigation("referral.safety-texts.nav", "referral.safety-texts.nav.description",
                "/staff/safety-texts", java.util.Set.of("ADMIN", "COORDINATOR"), 65, org.recourse.platform.StaffStage.ASSESSMENT);
    }
}
