package org.recourse.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.UUID;

/**
 * What other modules (intake first) ask of the evidence vault. Bytes go straight into encrypted
 * storage as they stream in; nothing here returns evidence content.
 */
public interface EvidenceVault {

    /**
     * Stores a file a reporter uploaded with their report. Call it while reading the upload: the
     * stream is encrypted as it is read and never buffered whole or written to disk in clear.
     * Audited as {@code evidence.stored}.
     */
    EvidenceRecord storeReporterFile(UUID caseId, String filename, String contentType, InputStream in) throws IOException;

    /**
     * Queues a capture of {@code url} (page, embedded media, screenshot) for the background
     * worker; joins the caller's transaction, so the request commits with the report.
     *
     * @param itemId the reported item the URL belongs to, or null
     * @return the capture request's id
     */
    UUID captureLater(UUID caseId, UUID itemId, String url);

    /** {@link #captureLater(UUID, UUID, String)} for many URLs in one round trip; ids in the same order. */
    List<UUID> captureLater(List<CaptureTarget> targets);

    /** A URL to capture for a case, and the reported item it belongs to (or null). */
    record CaptureTarget(UUID caseId, UUID itemId, String url) {
    }

    /** The evidence of a case, oldest first, without content. */
    List<EvidenceRecord> forCase(UUID caseId);

    /**
     * Seals a case's evidence: from now on no staff member can view, reveal, download or package it
     * (e.g. after child sexual abuse material was handed off to the CSAM hotline, police and ATKM).
     * Packages already made available to a police unit or regulator stay available to its liaison.
     * Audited as {@code evidence.sealed}; sealing a sealed case does nothing.
     *
     * @param reason a short factual note, without content or personal data
     */
    void seal(UUID caseId, String reason);

    /** Whether {@link #seal} was called for the case. */
    boolean isSealed(UUID caseId);
}
