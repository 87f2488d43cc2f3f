package org.recourse.escalation.internal.requests;

import org.recourse.audit.AuditActor;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Follows requests up on every node (the updates claim the rows); not in command-line runs. */
@Component
class EscalationWorkers {

    private final FollowingUpRequests followingUp;
    private final boolean commandLine;

    EscalationWorkers(FollowingUpRequests followingUp, Environment environment) {
        this.followingUp = followingUp;
        this.commandLine = environment.getProperty("recourse.command-line", Boolean.class, false);
    }

    @Scheduled(fixedDelayString = "${recourse.escalation.requests.follow-up-interval:1h}", initialDelayString = "5s")
    void followUp() {
        if (!commandLine) {
            AuditActor.runAs("system:escalation-follow-up", followingUp::followUp);
        }
    }
}
