package org.recourse.assessment.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code recourse.assessment}.
 *
 * @param lockTimeout how long an item stays locked to the analyst who opened it without being submitted
 * @param fourEyes    per decision outcome, whether a second person must confirm it before it takes effect
 */
@ConfigurationProperties("recourse.assessment")
public record AssessmentSettings(Duration lockTimeout, FourEyes fourEyes) {

    public AssessmentSettings {
        lockTimeout = lockTimeout == null ? Duration.ofMinutes(30) : lockTimeout;
        fourEyes = fourEyes == null ? new FourEyes(null, null, null, null, null, null) : fourEyes;
    }

    /**
     * Decisions that send notices or hand off to the police need a second person unless switched
     * off here; referring and closing do not unless switched on.
     */
    public record FourEyes(Boolean takeDown, Boolean policeFirst, Boolean csam, Boolean threatToLife, Boolean referOnly,
                           Boolean close) {

        public FourEyes {
            takeDown = takeDown == null || takeDown;
            policeFirst = policeFirst == null || policeFirst;
            csam = csam == null || csam;
            threatToLife = threatToLife == null || threatToLife;
            referOnly = referOnly != null && referOnly;
            close = close != null && close;
        }
    }
}
