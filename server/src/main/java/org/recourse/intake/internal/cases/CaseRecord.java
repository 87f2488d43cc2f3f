package org.recourse.intake.internal.cases;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.recourse.intake.CaseStatus;
import org.recourse.intake.CaseView;
import org.recourse.intake.Channel;
import org.recourse.intake.ReporterType;
import org.recourse.intake.StatusChange;

/** A case row in full, for this module's own screens; other modules get {@link CaseView}. */
public record CaseRecord(UUID id, String caseNumber, String secretHash, CaseStatus status, Channel channel,
                         String reporterType, List<String> forms, String otherFormText, boolean notOnline,
                         String started, String ongoing, String minor, boolean childAbuseRoute,
                         String policeContacted, String description, boolean contactConsent, String contactEmail,
                         String contactPhone, String gender, String ageBand, String relationship,
                         String municipality, String organisation, String source, String externalReference,
                         String submittedBy, int additions, Instant receivedAt, Instant personalDataRemovedAt) {

    public CaseView view(List<StatusChange> history) {
        return new CaseView(id, caseNumber, status, channel,
                reporterType == null ? null : ReporterType.fromCode(reporterType), forms, childAbuseRoute, receivedAt,
                history);
    }
}
