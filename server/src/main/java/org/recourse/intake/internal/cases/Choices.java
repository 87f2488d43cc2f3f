package org.recourse.intake.internal.cases;

import java.util.List;

/**
 * The answers the closed questions allow, as stored codes. The form renders them in this order
 * with labels from the message bundle ({@code intake.choice.<question>.<code>}).
 */
public final class Choices {

    public static final String PREFER_NOT_TO_SAY = "prefer_not_to_say";

    public static final List<String> REPORTER_TYPE = List.of("self", "on_behalf", "professional");
    public static final List<String> STARTED = List.of("last_7_days", "last_month", "last_year", "longer_ago", "unknown");
    public static final List<String> YES_NO_UNSURE = List.of("yes", "no", "unsure");
    public static final List<String> GENDER = List.of("woman", "man", "non_binary", "other", PREFER_NOT_TO_SAY);
    public static final List<String> AGE_BAND = List.of("under_12", "12_15", "16_17", "18_24", "25_34", "35_44",
            "45_64", "65_plus", PREFER_NOT_TO_SAY);
    public static final List<String> RELATIONSHIP = List.of("partner", "ex_partner", "family", "acquaintance",
            "colleague_or_fellow_student", "online_only", "stranger", "unknown", PREFER_NOT_TO_SAY);

    private Choices() {
    }
}
