package org.recourse.evidence.internal;

import java.net.URI;
import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;

import javax.net.ssl.SSLContext;

import org.recourse.evidence.SafeFetcher;
import org.recourse.evidence.internal.capture.ChromiumScreenshots;
import org.recourse.evidence.internal.fetch.AddressPolicy;
import org.recourse.evidence.internal.fetch.Dialer;
import org.recourse.evidence.internal.fetch.Egress;
import org.recourse.evidence.internal.fetch.HostResolver;
import org.recourse.evidence.internal.fetch.PinnedHttpFetcher;
import org.recourse.evidence.internal.fetch.PublicAddressesOnly;
import org.recourse.evidence.internal.vault.BlobStore;
import org.recourse.evidence.internal.vault.Envelope;
import org.recourse.evidence.internal.vault.KeyEncryptionKey;
import org.recourse.evidence.internal.vault.LocalBlobStore;
import org.recourse.evidence.internal.vault.S3BlobStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EvidenceSettings.class)
class EvidenceConfiguration {

    /** The production address rules. Tests replace this bean from test code; nothing else can. */
    @Bean
    AddressPolicy addressPolicy() {
        return new PublicAddressesOnly();
    }

    @Bean
    Egress egress(AddressPolicy policy) {
        return new Egress(policy, HostResolver.system(), Dialer.direct());
    }

    @Bean
    SafeFetcher safeFetcher(Egress egress, Clock clock) throws NoSuchAlgorithmException {
        return new PinnedHttpFetcher(egress, SSLContext.getDefault(), clock);
    }

    @Bean
    KeyEncryptionKey keyEncryptionKey(EvidenceSettings settings, @Value("${recourse.data-dir}") Path dataDir) {
        return KeyEncryptionKey.load(settings.kek(), settings.kekPath(dataDir));
    }

    @Bean
    Envelope envelope(KeyEncryptionKey kek) {
        return new Envelope(kek);
    }

    @Bean
    BlobStore blobStore(EvidenceSettings settings, @Value("${recourse.data-dir}") Path dataDir) {
        if ("s3".equalsIgnoreCase(settings.storage())) {
            EvidenceSettings.S3 s3 = settings.s3();
            return new S3BlobStore(S3BlobStore.client(URI.create(s3.endpoint()), s3.region(), s3.accessKey(), s3.secretKey()),
                    s3.bucket(), s3.prefix(), (int) s3.partSize().toBytes());
        }
        return new LocalBlobStore(settings.evidenceDirectory(dataDir));
    }

    @Bean
    ChromiumScreenshots chromiumScreenshots(EvidenceSettings settings, Egress egress) {
        return new ChromiumScreenshots(Path.of(settings.capture().chromium()), egress, settings.capture().timeout());
    }
}
