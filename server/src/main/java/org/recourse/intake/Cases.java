package org.recourse.intake;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Cases for other modules: read them and record how they progress. */
public interface Cases {

    Optional<CaseView> find(UUID caseId);

    Optional<CaseView> findByNumber(String caseNumber);

    List<ReportedItem> items(UUID caseId);

    /** When it happened, the age of the person shown and the relationship, as the reporter told them. */
    Optional<CaseCircumstances> circumstances(UUID caseId);

    /**
     * Records that a case moved to {@code status} (audited, timestamped); the reporter's status
     * page shows it. Recording the status a case already has does nothing; a closed or withdrawn
     * case is not reopened.
     *
     * @return whether the status changed
     */
    boolean progress(UUID caseId, CaseStatus status);
}
