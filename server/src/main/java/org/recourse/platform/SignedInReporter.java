package org.recourse.platform;

import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The case whose reporter is signed in on the status page in this request, for modules whose
 * {@link StatusPageSection} has forms. Implemented by intake, which owns the status page's sign-in.
 */
public interface SignedInReporter {

    /** The signed-in case, or empty when nobody is signed in (then send her to {@code /status}). */
    Optional<UUID> caseId(HttpServletRequest request);
}
