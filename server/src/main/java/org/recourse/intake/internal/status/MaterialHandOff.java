package org.recourse.intake.internal.status;

import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;

/**
 * Where a file a reporter adds on the status page goes: into the evidence vault, never into the
 * intake tables. Intake checks size and count; {@link EvidenceVaultHandOff} makes the one call
 * into {@code org.recourse.evidence.EvidenceVault}.
 */
interface MaterialHandOff {

    /**
     * Stores one file as evidence for the case.
     *
     * @return the vault's reference for the stored file
     */
    String store(UUID caseId, String fileName, String contentType, long size, InputStream content) throws IOException;
}
