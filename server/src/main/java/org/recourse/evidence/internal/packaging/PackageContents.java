package org.recourse.evidence.internal.packaging;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Everything that goes into one evidence package; object bytes are opened only while writing. */
public record PackageContents(UUID packageId, UUID caseId, Instant createdAt, String createdBy, String recipient,
                              List<PackagedObject> objects) {

    @FunctionalInterface
    public interface ContentSource {
        InputStream open() throws IOException;
    }

    public record CustodyLine(Instant at, String actor, String action, String detail) {
    }

    /**
     * @param capture capture metadata (source and final URL, status, resolved IP, TLS fingerprint, ...),
     *                in the order it should appear
     */
    public record PackagedObject(UUID id, String kind, String filename, String contentType, long size, String sha256,
                                 Instant capturedAt, Map<String, Object> capture, List<CustodyLine> custody,
                                 ContentSource content) {
    }
}
