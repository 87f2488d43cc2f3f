package org.recourse.intake.internal.api;

import org.recourse.intake.PartnerKeyChain;
import org.recourse.intake.internal.IntakeSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The partner API's own security chain ({@link PartnerKeyChain}), checked before the browser chain,
 * with a bound on the reports in progress on each node.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfiguration {

    @Bean
    @Order(10)
    SecurityFilterChain partnerApiSecurity(HttpSecurity http, ApiKeys keys, ApiProblems problems,
                                           IntakeSettings settings) throws Exception {
        var filter = new PartnerKeyChain.KeyFilter(keys, problems, settings.api().requestsPerSecond(),
                new InFlightAdmission(settings, problems));
        return PartnerKeyChain.build(http, "/api/**", filter, problems, rules -> rules
                .requestMatchers(HttpMethod.POST, "/api/v1/reports").hasAuthority("SCOPE_" + ApiKeys.SCOPE_SUBMIT)
                .requestMatchers(HttpMethod.GET, "/api/v1/reports/*").hasAuthority("SCOPE_" + ApiKeys.SCOPE_READ)
                .anyRequest().denyAll());
    }
}
