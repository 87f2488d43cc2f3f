package org.recourse.assessment.internal;

import java.util.Set;

import org.recourse.assessment.internal.assessing.Decisions;
import org.recourse.assessment.internal.queue.Entries;
import org.recourse.platform.RouteRules;
import org.recourse.platform.StaffNavigation;
import org.recourse.platform.StaffStage;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Who may reach the assessment pages. Analysts and coordinators work the queue, assess and
 * confirm each other's decisions; admins and coordinators maintain the reference data analysts
 * choose from (question sets, legal grounds, forms of violence).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({AssessmentSettings.class, org.recourse.assessment.internal.referrals.HandOffSettings.class})
class AssessmentConfiguration {

    @Bean
    RouteRules assessmentRouteRules() {
        return rules -> rules
                .requestMatchers("/staff/queue", "/staff/queue/**", "/staff/assessments/**", "/staff/decisions",
                        "/staff/decisions/**").hasAnyRole("ANALYST", "COORDINATOR")
                .requestMatchers(org.springframework.http.HttpMethod.POST, "/staff/cases/*/referrals", "/staff/cases/*/referrals/withdraw-consent",
                        "/staff/referrals/*/outcome").hasAnyRole("ANALYST", "COORDINATOR")
                .requestMatchers(org.springframework.http.HttpMethod.POST, "/status/case/referrals/withdraw-consent").permitAll()
                .requestMatchers("/liaison/referrals", "/liaison/referrals/**").hasRole("LIAISON")
                .requestMatchers("/staff/question-sets", "/staff/question-sets/**", "/staff/legal-grounds",
                        "/staff/legal-grounds/**", "/staff/forms-of-violence", "/staff/forms-of-violence/**")
                .hasAnyRole("ADMIN", "COORDINATOR");
    }

    /** Help organisations' (and the police's) contacts read the referrals to them and answer. */
    @Bean
    StaffNavigation liaisonReferralNavigation() {
        return new StaffNavigation("assessment.liaison.nav", "assessment.liaison.nav.description", "/liaison/referrals",
                Set.of("LIAISON"), 420, StaffStage.ASSESSMENT);
    }

    @Bean
    StaffNavigation queueNavigation(Entries entries) {
        return new StaffNavigation("assessment.nav.queue", "assessment.nav.queue.description", "/staff/queue",
                Set.of("ANALYST", "COORDINATOR"), 20, StaffStage.ASSESSMENT, entries::waitingFor);
    }

    @Bean
    StaffNavigation confirmationsNavigation(Decisions decisions) {
        return new StaffNavigation("assessment.nav.decisions", "assessment.nav.decisions.description", "/staff/decisions",
                Set.of("ANALYST", "COORDINATOR"), 21, StaffStage.ASSESSMENT, decisions::toConfirmBy);
    }

    @Bean
    StaffNavigation questionSetsNavigation() {
        return new StaffNavigation("assessment.nav.question-sets", "assessment.nav.question-sets.description",
                "/staff/question-sets", Set.of("ADMIN", "COORDINATOR"), 60, StaffStage.ASSESSMENT);
    }

    @Bean
    StaffNavigation legalGroundsNavigation() {
        return new StaffNavigation("assessment.nav.legal-grounds", "assessment.nav.legal-grounds.description",
                "/staff/legal-grounds", Set.of("ADMIN", "COORDINATOR"), 61, StaffStage.ASSESSMENT);
    }

    @Bean
    StaffNavigation formsOfViolenceNavigation() {
        return new StaffNavigation("assessment.nav.forms", "assessment.nav.forms.description",
                "/staff/forms-of-violence", Set.of("ADMIN", "COORDINATOR"), 62, StaffStage.ASSESSMENT);
    }
}
