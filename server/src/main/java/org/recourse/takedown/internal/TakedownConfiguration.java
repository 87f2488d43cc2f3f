package org.recourse.takedown.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.recourse.audit.AuditActor;
import org.recourse.platform.RouteRules;
import org.recourse.takedown.internal.notices.PlanningNotices;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TakedownSettings.class)
class TakedownConfiguration {

    /**
     * Analysts work notices and record responses; coordinators also edit templates. Platforms call
     * the response API with their own key (checked by the controller, not by staff sign-in).
     */
    @Bean
    RouteRules takedownRouteRules() {
        return rules -> rules
                .requestMatchers(HttpMethod.POST, "/api/v1/notices/*/responses").permitAll()
                .requestMatchers("/staff/takedown/templates", "/staff/takedown/templates/**").hasAnyRole("COORDINATOR", "ADMIN")
                .requestMatchers("/staff/takedown", "/staff/takedown/**").hasAnyRole("ANALYST", "COORDINATOR", "ADMIN");
    }

    /** Grouping items into notices runs on one node at a time; sending and checking run on every node. */
    @Bean
    RecurringTask<Void> takedownPlanningTask(PlanningNotices planning, TakedownSettings settings) {
        return Tasks.recurring("takedown-planning", FixedDelay.of(settings.notices().planInterval()))
                .execute((instance, context) -> AuditActor.runAs("system:takedown-planning", planning::plan));
    }
}
