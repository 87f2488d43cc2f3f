package org.recourse.referral.internal.safety;

import java.util.Locale;

/** The digital-safety signals risk assessments tend to miss; their codes are the summary's vocabulary (schema v1). */
public enum SafetySignal {
    STALKERWARE, KNOWN_PASSWORDS, LOCATION_SHARING, TRACKER, HACKED_ACCOUNT, IMAGES_HELD, THREAT_TO_SPREAD, DOXING, CHILDREN_DEVICES;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
