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
                        "/staff/protection-order-breaches/*/handled").hasAnyRole("ANALYST", "COORDINATOR");
    }
}
