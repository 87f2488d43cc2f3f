package org.recourse.intake;

import java.util.List;

/**
 * New cases were committed. Reports submitted together (a partner's burst, an import) commit
 * together and are announced in one event, so listeners can handle them together as well.
 */
public record ReportsReceived(List<ReportReceived> reports) {
}
