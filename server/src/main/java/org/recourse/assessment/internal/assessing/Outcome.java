package org.recourse.assessment.internal.assessing;

import java.util.Locale;

import org.recourse.assessment.internal.AssessmentSettings;

/** What an analyst decides about an assessed item. */
public enum Outcome {
    /** Notices to the platform and others who can remove it: handed to takedown. */
    TAKE_DOWN,
    /** The item goes to the police contact before any notice is sent. */
    POLICE_FIRST,
    /** Child sexual abuse material: to the CSAM hotline, police and ATKM; the media is sealed. */
    CSAM,
    /** A crime threatening life or safety: police immediately (DSA art. 18). */
    THREAT_TO_LIFE,
    /** No action on the content; the victim is referred for help. */
    REFER_ONLY,
    /** Nothing to do, with a reason. */
    CLOSE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Outcome ofCode(String code) {
        return valueOf(code.trim().toUpperCase(Locale.ROOT));
    }

    public boolean needsConfirmation(AssessmentSettings.FourEyes fourEyes) {
        return switch (this) {
            case TAKE_DOWN -> fourEyes.takeDown();
            case POLICE_FIRST -> fourEyes.policeFirst();
            case CSAM -> fourEyes.csam();
            case THREAT_TO_LIFE -> fourEyes.threatToLife();
            case REFER_ONLY -> fourEyes.referOnly();
            case CLOSE -> fourEyes.close();
        };
    }
}
