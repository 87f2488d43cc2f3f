package org.recourse.routing;

import java.util.List;

/**
 * The taxonomy codes routing rules and facts may use. Kept here, in one place, until routing
 * reads them from the taxonomy module.
 */
public final class FormsOfViolence {

    public static final List<String> CODES = List.of(
            "non_consensual_sharing",
            "non_consensual_recording",
            "deepfake",
            "sextortion",
            "threat_to_share",
            "cyberflashing",
            "unwanted_sexting",
            "sexual_harassment",
            "grooming",
            "sexchat_with_child",
            "cyberstalking",
            "stalkerware",
            "tracking",
            "hacked_account",
            "doxing",
            "exposure_list",
            "hate_speech",
            "incitement_to_violence",
            "child_sexual_abuse_material",
            "something_else");

    private FormsOfViolence() {
    }

    public static boolean isKnown(String code) {
        return CODES.contains(code);
    }
}
