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
}
