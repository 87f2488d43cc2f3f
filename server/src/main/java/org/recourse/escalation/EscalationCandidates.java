package org.recourse.escalation;

import java.util.List;

/** The current escalation candidates, oldest overdue first. */
public interface EscalationCandidates {

    List<Candidate> candidates();
}
