package org.recourse.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.UUID;

/**
 * Copies of evidence for documents that leave the hotline (an escalation dossier): a blurred
 * picture for people to read, or the original for a system, on purpose. Every copy is written to
 * the object's chain of custody with its purpose before a byte leaves the vault. Nothing is copied
 * from a sealed case or after retention deleted the bytes.
 */
public interface EvidenceCopies {

    /** The largest picture turned into a blurred copy; larger pictures are described, not shown. */
    long MAX_PICTURE_BYTES = 64L * 1024 * 1024;

    /**
     * A small, grey, strongly blurred JPEG of a picture (captured media, screenshot or uploaded image),
     * made on the server so that no unblurred pixel reaches the document. Empty for anything that is
     * not a readable picture. Audited as {@code evidence.viewed}, "blurred copy for" the purpose.
     *
     * @param purpose what the copy is for, e.g. "dossier ER-7K3M9QXA"; no personal data
     */
    Optional<byte[]> blurred(UUID evidenceId, String purpose);

    /**
     * The original, opened only while it is written. Audited as {@code evidence.downloaded},
     * "original for" the purpose, when it is handed out.
     */
    Optional<Original> original(UUID evidenceId, String purpose);

    /** An original's facts and its bytes, decrypted as they are read. */
    record Original(UUID id, String kind, String filename, String contentType, long size, String sha256, Content content) {
    }

    @FunctionalInterface
    interface Content {
        InputStream open() throws IOException;
    }
}
