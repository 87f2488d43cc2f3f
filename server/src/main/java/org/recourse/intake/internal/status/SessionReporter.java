package org.recourse.intake.internal.status;

import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.recourse.platform.SignedInReporter;
import org.springframework.stereotype.Component;

/** The status page's sign-in as other modules see it: the case remembered in the reporter's session. */
@Component
class SessionReporter implements SignedInReporter {

    @Override
    public Optional<UUID> caseId(HttpServletRequest request) {
        return caseOf(request.getSession(false));
    }

    /** The case remembered in the session at sign-in, if any. */
    static Optional<UUID> caseOf(jakarta.servlet.http.HttpSession session) {
        Object value = session == null ? null : session.getAttribute(StatusController.SESSION_CASE);
        return value instanceof String id ? Optional.of(UUID.fromString(id)) : Optional.empty();
    }
}
