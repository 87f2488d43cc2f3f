package org.recourse.intake.internal.status;

import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;

/**
 * Where a file a reporter adds on the status page goes: into the evidence vault, never into the
 * intake tables. Intake checks size and count; the bean implementing this hands the stream to
 * {@code org.recourse.evidence.EvidenceVault}. Without such a bean the status page does not offer
 * file uploads and says so.
 */
public interface MaterialHandOff {

    /**
     * Stores one file as evidence for the case.
     *
     * @return the vault's reference for the stored file
     */
    String store(UUID caseId, String fileName, String contentType, long size, InputStream content) throws IOException;
}
