package org.recourse.intake.internal.cases;

import org.recourse.intake.internal.IntakeSettings;
import org.recourse.platform.Throttle;
import org.springframework.stereotype.Component;

/**
 * How many cases one address may start through the public forms (the report form and the hashing
 * page's new case share the count) per window ({@link IntakeSettings.Form}).
 */
@Component
public class PublicFormLimit {

    private final Throttle throttle;
    private final IntakeSettings settings;

    PublicFormLimit(Throttle throttle, IntakeSettings settings) {
        this.throttle = throttle;
        this.settings = settings;
    }

    /** Counts a submission from this address; false when the address has sent too many and must wait. */
    public boolean allowedFrom(String remoteAddress) {
        IntakeSettings.Form limit = settings.form();
        int recent = throttle.hit(Throttle.FORM_ADDRESS, throttle.addressSubject(remoteAddress), limit.maxPerAddress() + 1,
                limit.window(), limit.window());
        return recent <= limit.maxPerAddress();
    }
}
