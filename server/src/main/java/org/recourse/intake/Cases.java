package org.recourse.intake;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Cases for other modules: read them and record how they progress. */
public interface Cases {

    Optional<CaseView> find(UUID caseId);

    Optional<CaseView> findByNumber(String caseNumber);

    List<ReportedItem> items(UUID caseId);

    /** {@link #find} for many cases in a few queries; cases that do not exist are left out. */
    List<CaseView> findAll(Collection<UUID> caseIds);

    /** {@link #items} for many cases in one query, by case. */
    Map<UUID, List<ReportedItem>> itemsOf(Collection<UUID> caseIds);

    /** When it happened, the age of the person shown and the relationship, as the reporter told them. */
    Optional<CaseCircumstances> circumstances(UUID caseId);

    /** The reporter's own words and later additions; callers audit the view they show them on. */
    Optional<ReporterWords> reporterWords(UUID caseId);

    /**
     * The coded monitoring facts of many cases, for statistics (which counts them and never shows a
     * single case); cases that do not exist are left out.
     */
    List<MonitoringFacts> monitoringFactsOf(Collection<UUID> caseIds);

    /**
     * Adds an address found later (a confirmed re-upload) to a case as a new item, audited with
     * {@code reason}. Empty when the case does not exist or was withdrawn, the address is not a
     * valid URL, or the case already has it (so a repeated call adds nothing).
     */
    Optional<ReportedItem> addItem(UUID caseId, String url, String reason);

    /** {@link #circumstances} for many cases in one query, by case. */
    Map<UUID, CaseCircumstances> circumstancesOf(Collection<UUID> caseIds);

    /**
     * Records that a case moved to {@code status} (audited, timestamped); the reporter's status
     * page shows it. Recording the status a case already has does nothing; a closed or withdrawn
     * case is not reopened, and a case past assessment (a decision taken, a request sent, ...) is
     * not put back to being assessed when another of its items is assessed.
     *
     * @return whether the status changed
     */
    boolean progress(UUID caseId, CaseStatus status);

    /**
     * There is news on the case that the reporter reads on her status page (a module's
     * {@link org.recourse.platform.StatusUpdates}): a reporter who asked for e-mails gets one,
     * without details. Status changes through {@link #progress} tell her already. Joins the caller's transaction.
     */
    void newsForReporter(UUID caseId);

    /**
     * The reporter's contact details, when she agreed to be contacted; empty otherwise or after her
     * personal data was removed. Audited as {@code case.contact-shared} with {@code purpose}.
     *
     * @param purpose what they are for, e.g. "referral to centrum-seksueel-geweld"; no personal data
     */
    java.util.Optional<ReporterContact> contactFor(UUID caseId, String purpose);
}
