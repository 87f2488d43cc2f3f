package org.recourse.evidence.internal.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.FileInputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recourse.evidence.FetchLimits;
import org.recourse.evidence.FetchRefusedException;
import org.recourse.evidence.FetchRefusedException.Reason;
import org.recourse.evidence.FetchResult;

/** The pinned HTTP client against real loopback servers, allowed by the test-only policy. */
class PinnedHttpFetcherTest {

    private final PinnedHttpFetcher fetcher = fetcher(HostResolver.system(), defaultTls());

    private static PinnedHttpFetcher fetcher(HostResolver resolver, SSLContext tls) {
        return new PinnedHttpFetcher(new Egress(new LoopbackTestServers(), resolver, Dialer.direct()), tls, Clock.systemUTC());
    }

    private static SSLContext defaultTls() {
        try {
            return SSLContext.getDefault();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void fetchesAPageFollowingRedirectsAndRecordsEveryHop() throws Exception {
        try (TestWebsite site = new TestWebsite()) {
            byte[] page = "<html><body>hello</body></html>".getBytes(StandardCharsets.UTF_8);
            site.redirect("/old", 301, "/moved");
            site.redirect("/moved", 302, site.url("/page").toString());
            site.page("/page", "text/html; charset=utf-8", page);

            FetchResult result = fetcher.fetch(site.url("/old"), FetchLimits.defaults());

            assertThat(result.status()).isEqualTo(200);
            assertThat(result.body()).isEqualTo(page);
            assertThat(result.contentType()).isEqualTo("text/html");
            assertThat(result.finalUrl()).isEqualTo(site.url("/page"));
            assertThat(result.resolvedIp()).isEqualTo("127.0.0.1");
            assertThat(result.tlsCertificateSha256()).isNull();
            assertThat(result.hops()).extracting(FetchResult.Hop::status).containsExactly(301, 302, 200);
            assertThat(result.header("X-Seen-Host")).hasValue("127.0.0.1:" + site.port());
        }
    }

    @Test
    void refusesBodiesOverTheSizeLimitWhetherDeclaredOrNot() throws Exception {
        try (TestWebsite site = new TestWebsite();
             RawServer undeclared = new RawServer(out -> {
                 out.write("HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                 out.write(new byte[5000]);
             })) {
            site.page("/big", "image/png", new byte[5000]);
            FetchLimits small = FetchLimits.defaults().withMaxBytes(4096);
            assertThat(refusal(site.url("/big"), small).reason()).isEqualTo(Reason.TOO_LARGE);
            assertThat(refusal(URI.create("http://127.0.0.1:" + undeclared.port() + "/"), small).reason()).isEqualTo(Reason.TOO_LARGE);
        }
    }

    @Test
    void decodesChunkedBodies() throws Exception {
        try (RawServer chunked = new RawServer(out -> out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n7;ext=1\r\n, world\r\n0\r\n\r\n").getBytes(StandardCharsets.US_ASCII)))) {
            FetchResult result = fetcher.fetch(URI.create("http://127.0.0.1:" + chunked.port() + "/"), FetchLimits.defaults());
            assertThat(new String(result.body(), StandardCharsets.US_ASCII)).isEqualTo("hello, world");
        }
    }

    @Test
    void refusesContentTypesOutsideTheLimits() throws Exception {
        try (TestWebsite site = new TestWebsite()) {
            site.page("/app", "application/x-msdownload", new byte[10]);
            FetchRefusedException refused = refusal(site.url("/app"), FetchLimits.defaults().withContentTypes(List.of("image/", "video/")));
            assertThat(refused.reason()).isEqualTo(Reason.CONTENT_TYPE);
            assertThat(refused.getMessage()).contains("application/x-msdownload");
        }
    }

    @Test
    void givesUpOnAServerThatDripsSlowerThanTheDeadline() throws Exception {
        try (RawServer slow = new RawServer(out -> {
            out.write("HTTP/1.1 200 OK\r\n".getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < 50; i++) {
                out.write("X-Drip: 1\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                Thread.sleep(100);
            }
        })) {
            long start = System.nanoTime();
            FetchRefusedException refused = refusal(URI.create("http://127.0.0.1:" + slow.port() + "/"),
                    FetchLimits.defaults().withTimeout(Duration.ofMillis(700)));
            assertThat(refused.reason()).isEqualTo(Reason.TIMEOUT);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        }
    }

    @Test
    void speaksTlsToTheCheckedAddressWithTheOriginalHostNameAndRecordsTheCertificate(@TempDir Path dir) throws Exception {
        Path keystore = dir.resolve("site.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "site", "-keyalg", "EC", "-dname", "CN=secure.example.net",
                "-ext", "san=dns:secure.example.net", "-validity", "2", "-keystore", keystore.toString(),
                "-storetype", "PKCS12", "-storepass", "changeit").redirectErrorStream(true).start();
        assertThat(keytool.waitFor()).as(new String(keytool.getInputStream().readAllBytes())).isZero();
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(keystore.toFile())) {
            store.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance("PKIX");
        keys.init(store, "changeit".toCharArray());
        SSLContext serverTls = SSLContext.getInstance("TLS");
        serverTls.init(keys.getKeyManagers(), null, null);
        TrustManagerFactory trust = TrustManagerFactory.getInstance("PKIX");
        trust.init(store);
        SSLContext clientTls = SSLContext.getInstance("TLS");
        clientTls.init(null, trust.getTrustManagers(), null);

        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serverTls));
        server.createContext("/", exchange -> {
            byte[] body = "secure".getBytes(StandardCharsets.US_ASCII);
            exchange.getResponseHeaders().add("Content-Type", "text/plain");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            Map<String, InetAddress> dns = Map.of("secure.example.net", InetAddress.getLoopbackAddress(),
                    "other.example.net", InetAddress.getLoopbackAddress());
            PinnedHttpFetcher tlsFetcher = fetcher(host -> List.of(dns.get(host)), clientTls);
            int port = server.getAddress().getPort();

            FetchResult result = tlsFetcher.fetch(URI.create("https://secure.example.net:" + port + "/"), FetchLimits.defaults());

            String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(store.getCertificate("site").getEncoded()));
            assertThat(result.tlsCertificateSha256()).isEqualTo(expected);
            assertThat(new String(result.body(), StandardCharsets.US_ASCII)).isEqualTo("secure");
            FetchRefusedException mismatch = catchThrowableOfType(FetchRefusedException.class,
                    () -> tlsFetcher.fetch(URI.create("https://other.example.net:" + port + "/"), FetchLimits.defaults()));
            assertThat(mismatch.reason()).isEqualTo(Reason.TLS);
        } finally {
            server.stop(0);
        }
    }

    private FetchRefusedException refusal(URI url, FetchLimits limits) {
        FetchRefusedException refused = catchThrowableOfType(FetchRefusedException.class, () -> fetcher.fetch(url, limits));
        assertThat(refused).as("refusal of %s", url).isNotNull();
        return refused;
    }
}
