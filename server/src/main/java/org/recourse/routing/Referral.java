package org.recourse.routing;

import org.recourse.directory.Organisation;

/** Where to refer the victim for help, with the reason to give her and whether it is urgent. */
public record Referral(String ruleId, Organisation organisation, LocalizedText reason, boolean urgent) {
}
