package org.recourse.takedown.internal;

import java.util.Set;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.recourse.audit.AuditActor;
import org.recourse.platform.RouteRules;
import org.recourse.platform.StaffNavigation;
import org.recourse.takedown.internal.notices.PlanningNotices;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TakedownSettings.class)
class TakedownConfiguration {

    /**
     * Analysts work notices and record responses; coordinators also edit templates. (Platforms'
     * response API has its own chain, see ResponsesApiSecurity.)
     */
    @Bean
    RouteRules takedownRouteRules() {
        return rules -> rules
                .requestMatchers("/staff/takedown/templates", "/staff/takedown/templates/**").hasAnyRole("COORDINATOR", "ADMIN")
                .requestMatchers("/staff/takedown", "/staff/takedown/**").hasAnyRole("ANALYST", "COORDINATOR", "ADMIN");
    }

    @Bean
    StaffNavigation takedownNavigation() {
        return new StaffNavigation("takedown.nav", "takedown.nav.description", "/staff/takedown",
                Set.of("ANALYST", "COORDINATOR", "ADMIN"), 300);
    }

    @Bean
    StaffNavigation takedownOverdueNavigation() {
        return new StaffNavigation("takedown.overdue.nav", "takedown.overdue.nav.description", "/staff/takedown/overdue",
                Set.of("ANALYST", "COORDINATOR", "ADMIN"), 310);
    }

    /** Grouping items into notices runs on one node at a time; sending and checking run on every node. */
    @Bean
    RecurringTask<Void> takedownPlanningTask(PlanningNotices planning, TakedownSettings settings) {
        return Tasks.recurring("takedown-planning", FixedDelay.of(settings.notices().planInterval()))
                .execute((instance, context) -> AuditActor.runAs("system:takedown-planning", planning::plan));
    }
}
