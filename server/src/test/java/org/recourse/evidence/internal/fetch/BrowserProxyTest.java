package org.recourse.evidence.internal.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The browser's proxy refuses what the fetcher refuses and passes what it allows. */
class BrowserProxyTest {

    private static String through(BrowserProxy proxy, String head) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
            socket.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void refusesInternalTargetsForPlainRequestsAndTunnels() throws Exception {
        try (TestWebsite site = new TestWebsite();
             BrowserProxy proxy = BrowserProxy.start(new Egress(new PublicAddressesOnly(), HostResolver.system(), Dialer.direct()))) {
            site.page("/secret", "text/plain", "secret".getBytes(StandardCharsets.UTF_8));
            assertThat(through(proxy, "GET " + site.url("/secret") + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")).startsWith("HTTP/1.1 403");
            assertThat(through(proxy, "CONNECT 169.254.169.254:443 HTTP/1.1\r\nHost: 169.254.169.254:443\r\n\r\n")).startsWith("HTTP/1.1 403");
            assertThat(through(proxy, "CONNECT [::1]:443 HTTP/1.1\r\n\r\n")).startsWith("HTTP/1.1 403");
            assertThat(through(proxy, "GET http://2130706433/ HTTP/1.1\r\n\r\n")).startsWith("HTTP/1.1 403");
            assertThat(site.wasRequested("/secret")).isFalse();
            assertThat(proxy.refusals()).hasSize(4).anySatisfy(r -> assertThat(r).contains("cloud metadata"));
        }
    }

    @Test
    void forwardsAllowedRequestsToTheCheckedAddress() throws Exception {
        try (TestWebsite site = new TestWebsite();
             BrowserProxy proxy = BrowserProxy.start(new Egress(new LoopbackTestServers(), HostResolver.system(), Dialer.direct()))) {
            site.page("/page", "text/html", "<p>hello</p>".getBytes(StandardCharsets.UTF_8));
            String response = through(proxy, "GET " + site.url("/page") + " HTTP/1.1\r\nHost: 127.0.0.1:" + site.port()
                    + "\r\nProxy-Connection: keep-alive\r\n\r\n");
            assertThat(response).startsWith("HTTP/1.1 200").endsWith("<p>hello</p>");
        }
    }
}
