package org.recourse.evidence.internal.capture;

import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;

import javax.net.ssl.SSLContext;

import org.recourse.evidence.internal.EvidenceSettings;
import org.recourse.evidence.internal.StoringEvidence;
import org.recourse.evidence.internal.fetch.Dialer;
import org.recourse.evidence.internal.fetch.Egress;
import org.recourse.evidence.internal.fetch.HostResolver;
import org.recourse.evidence.internal.fetch.LoopbackTestServers;
import org.recourse.evidence.internal.fetch.PinnedHttpFetcher;

/**
 * The capture use case wired like production except for the test-only address policy, so
 * integration tests can capture from a website on loopback without a second application context.
 */
public final class LoopbackCapturing {

    private LoopbackCapturing() {
    }

    public static CapturingEvidence create(StoringEvidence storing, CaptureRequests requests, EvidenceSettings settings,
                                           ImageSignals images) {
        Egress egress = new Egress(new LoopbackTestServers(), HostResolver.system(), Dialer.direct());
        try {
            return new CapturingEvidence(new PinnedHttpFetcher(egress, SSLContext.getDefault(), Clock.systemUTC()), storing, requests,
                    new ChromiumScreenshots(Path.of(settings.capture().chromium()), egress, Duration.ofSeconds(60)), settings,
                    Clock.systemUTC(), images);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Requests a capture through the vault's API and claims it in the same transaction, so the
     * application's own worker (which refuses loopback) never sees it waiting; then captures it here.
     */
    public static java.util.UUID captureNow(org.springframework.context.ApplicationContext context, java.util.UUID caseId,
                                            java.util.UUID itemId, String url) {
        CaptureRequests requests = context.getBean(CaptureRequests.class);
        CaptureRequests.CaptureRequest claimed = context.getBean(org.springframework.transaction.support.TransactionTemplate.class)
                .execute(status -> {
                    java.util.UUID id = context.getBean(org.recourse.evidence.EvidenceVault.class).captureLater(caseId, itemId, url);
                    context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                            .sql("update evidence_capture set status = 'running', started_at = now(), attempts = 1 where id = ?")
                            .param(id).update();
                    return requests.find(id).orElseThrow();
                });
        CapturingEvidence capturing = create(context.getBean(org.recourse.evidence.internal.StoringEvidence.class), requests,
                context.getBean(org.recourse.evidence.internal.EvidenceSettings.class), context.getBean(ImageSignals.class));
        org.recourse.audit.AuditActor.runAs("system:evidence-capture", () -> capturing.capture(claimed));
        return claimed.id();
    }
}
