package org.recourse.intake.internal.casefile;

import java.util.List;

import org.recourse.intake.internal.cases.CaseRecord;
import org.recourse.platform.CaseRef;
import org.recourse.platform.CaseSection;

/**
 * One case on one page: its head (number, status, channel, when), every module's section in
 * order, and one timeline merged from all of them, oldest first.
 */
record CaseFile(CaseRef ref, CaseRecord head, List<CaseSection.Content> sections, List<CaseSection.Event> timeline) {
}
