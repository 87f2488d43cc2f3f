package org.recourse.evidence.internal;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code recourse.evidence.*}. There is deliberately no setting for which addresses the fetcher
 * may reach: that policy is code, so no configuration can open the internal network to it.
 */
@ConfigurationProperties("recourse.evidence")
public record EvidenceSettings(String storage, String directory, String kekFile, String kek, S3 s3, Capture capture,
                               Retention retention) {

    public record S3(String endpoint, String bucket, String prefix, String region, String accessKey, String secretKey,
                     DataSize partSize) {
    }

    public record Capture(DataSize pageMaxBytes, DataSize mediaMaxBytes, int mediaMaxCount, Duration timeout,
                          String chromium, boolean screenshots, int maxAttempts) {
    }

    /** How long each class of evidence is kept before its bytes are deleted and its URLs anonymised. */
    public record Retention(Duration capture, Duration staffUpload, Duration reporterUpload, Duration evidencePackage) {

        public Duration of(String evidenceClass) {
            return switch (evidenceClass) {
                case "capture" -> capture;
                case "staff_upload" -> staffUpload;
                case "reporter_upload" -> reporterUpload;
                case "package" -> evidencePackage;
                default -> throw new IllegalArgumentException(evidenceClass);
            };
        }
    }

    Path evidenceDirectory(Path dataDir) {
        return directory == null || directory.isBlank() ? dataDir.resolve("evidence") : Path.of(directory);
    }

    Path kekPath(Path dataDir) {
        return kekFile == null || kekFile.isBlank() ? dataDir.resolve("secrets").resolve("evidence-kek.json") : Path.of(kekFile);
    }
}
