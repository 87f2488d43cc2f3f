package org.recourse.referral.internal.safety;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/** One go through the checklist: who, when, with which version of the texts, and the answers given. */
public record SafetyCheck(UUID id, UUID caseId, String doneBy, boolean byReporter, Instant doneAt, int textVersion,
                          Map<SafetySignal, Answer> answers) {

    public record Answer(SignalAnswer answer, LocalDate since) {
    }

    public SafetyCheck {
        answers = Map.copyOf(answers);
    }
}
