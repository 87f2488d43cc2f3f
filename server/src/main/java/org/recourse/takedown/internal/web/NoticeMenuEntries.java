package org.recourse.takedown.internal.web;

import java.util.Set;

import org.recourse.platform.StaffNavigation;
import org.recourse.platform.StaffStage;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Take-down's pages with work lists or editors in the staff menu. */
@Configuration(proxyBeanMethods = false)
class NoticeMenuEntries {

    @Bean
    StaffNavigation takedownOverdueNavigation(NoticeClock clock) {
        return new StaffNavigation("takedown.overdue.nav", "takedown.overdue.nav.description", "/staff/takedown/overdue",
                Set.of("ANALYST", "COORDINATOR", "ADMIN"), 310, StaffStage.TAKEDOWN, user -> clock.overdueCount());
    }

    @Bean
    StaffNavigation noticeTemplatesNavigation() {
        return new StaffNavigation("takedown.templates.nav", "takedown.templates.nav.description", "/staff/takedown/templates",
                Set.of("COORDINATOR", "ADMIN"), 320, StaffStage.TAKEDOWN);
    }
}
