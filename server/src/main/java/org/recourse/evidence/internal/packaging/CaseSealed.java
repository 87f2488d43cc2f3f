package org.recourse.evidence.internal.packaging;

import java.util.UUID;

/** A package was asked for a case whose evidence is sealed. */
public class CaseSealed extends RuntimeException {

    public CaseSealed(UUID caseId) {
        super("the evidence of case " + caseId + " is sealed");
    }
}
