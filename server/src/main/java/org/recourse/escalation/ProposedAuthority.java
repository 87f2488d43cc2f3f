package org.recourse.escalation;

import org.recourse.routing.LocalizedText;

/**
 * Where a candidate could go, as routing's action rules propose it.
 *
 * @param authorityKey  the directory key of the body we contact, e.g. {@code acm}
 * @param forwardTo     the body it passes the matter on to (e.g. the DSC of establishment), or null
 * @param ruleId        the routing rule that proposed it
 */
public record ProposedAuthority(String authorityKey, String authorityName, String kind, LocalizedText forwardTo,
                                LocalizedText reason, String ruleId) {
}
