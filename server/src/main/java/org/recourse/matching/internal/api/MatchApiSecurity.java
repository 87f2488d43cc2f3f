package org.recourse.matching.internal.api;

import org.recourse.intake.PartnerKeyChain;
import org.recourse.intake.PartnerKeys;
import org.recourse.matching.internal.MatchingSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/** The match API's own security chain ({@link PartnerKeyChain}): Bearer keys with {@code match:*} scopes. */
@Configuration(proxyBeanMethods = false)
class MatchApiSecurity {

    static final String LOOKUP = "SCOPE_" + PartnerKeys.MATCH_LOOKUP;
    static final String FEED = "SCOPE_" + PartnerKeys.MATCH_FEED;
    static final String FEEDBACK = "SCOPE_" + PartnerKeys.MATCH_FEEDBACK;

    @Bean
    @Order(11)
    SecurityFilterChain matchApiSecurityChain(HttpSecurity http, PartnerKeys keys, MatchProblems problems,
                                         MatchingSettings settings) throws Exception {
        var filter = new PartnerKeyChain.KeyFilter(keys, problems, settings.api().requestsPerSecond(),
                PartnerKeyChain.Admission.ALWAYS);
        return PartnerKeyChain.build(http, "/m/**", filter, problems, rules -> rules
                .requestMatchers(HttpMethod.GET, "/m/raw_lookup", "/m/lookup", "/m/index/status").hasAuthority(LOOKUP)
                .requestMatchers(HttpMethod.POST, "/m/raw_lookup/batch").hasAuthority(LOOKUP)
                .requestMatchers(HttpMethod.GET, "/m/feed").hasAuthority(FEED)
                .requestMatchers(HttpMethod.POST, "/m/feedback").hasAuthority(FEEDBACK)
                .anyRequest().denyAll());
    }
}
