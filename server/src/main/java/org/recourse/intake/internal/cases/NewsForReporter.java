package org.recourse.intake.internal.cases;

import java.util.UUID;

/**
 * Within intake: there is news on a case that its reporter reads on her status page. Handled in
 * the transaction that made the news (victim updates queue their e-mail there).
 */
public record NewsForReporter(UUID caseId) {
}
