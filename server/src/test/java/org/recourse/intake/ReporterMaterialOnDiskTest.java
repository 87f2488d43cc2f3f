package org.recourse.intake;

import jakarta.servlet.MultipartConfigElement;
import org.junit.jupiter.api.Test;
import org.recourse.RecourseTest;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reporter's file arrives as a multipart form (the status page works without JavaScript).
 * Servlet containers spill parts above a threshold to a temp file, in clear, and delete it after
 * the request — too briefly for a scan to catch, so this checks the configuration that rules it
 * out: every part small enough to be accepted stays in memory until it is encrypted into the vault.
 */
@RecourseTest
class ReporterMaterialOnDiskTest {

    @Autowired
    MultipartConfigElement multipart;

    @Test
    void everyAcceptedUploadIsParsedInMemory() {
        assertThat(multipart.getMaxFileSize()).isPositive();
        assertThat(multipart.getFileSizeThreshold()).isGreaterThanOrEqualTo((int) multipart.getMaxFileSize());
        assertThat(multipart.getMaxRequestSize()).isLessThanOrEqualTo(multipart.getFileSizeThreshold());
    }
}
