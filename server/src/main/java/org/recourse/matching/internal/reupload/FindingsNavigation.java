package org.recourse.matching.internal.reupload;

import java.util.Set;

import org.recourse.platform.StaffNavigation;
import org.recourse.platform.StaffStage;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The re-uploads page in the staff menu, under prevention, with how many wait for review. */
@Configuration(proxyBeanMethods = false)
class FindingsNavigation {

    @Bean
    StaffNavigation matchingFindingsNavigation(Findings findings) {
        return new StaffNavigation("matching.nav.findings", "matching.nav.findings.description", "/staff/matching/findings",
                Set.of("ANALYST", "COORDINATOR"), 10, StaffStage.PREVENTION, username -> findings.countOpen());
    }
}
