package org.recourse.evidence.internal.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLContext;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.recourse.evidence.FetchLimits;
import org.recourse.evidence.FetchRefusedException;
import org.recourse.evidence.FetchRefusedException.Reason;
import org.recourse.evidence.FetchResult;

/**
 * The production address policy against every way of pointing the fetcher at our own network.
 * The DNS answers come from a table, and the dialer records every connection: addresses the
 * tests call "public" (from 93.184.216.0/24) are diverted to a loopback test server, so no
 * packet leaves this machine, while the fetcher still believes it connected to that address.
 */
class SsrfRefusalTest {

    private static final String PUBLIC = "93.184.216.34";
    private static final String PUBLIC_2 = "93.184.216.35";

    private final Map<String, List<List<InetAddress>>> dns = new ConcurrentHashMap<>();
    private final List<InetAddress> connects = new ArrayList<>();
    private final AtomicInteger lookups = new AtomicInteger();
    private TestWebsite site;
    private PinnedHttpFetcher fetcher;

    @BeforeEach
    void setUp() throws Exception {
        site = new TestWebsite();
        site.page("/secret", "text/plain", "internal secret".getBytes(StandardCharsets.UTF_8));
        HostResolver resolver = host -> {
            lookups.incrementAndGet();
            List<List<InetAddress>> answers = dns.get(host);
            if (answers == null) {
                throw new UnknownHostException(host);
            }
            // Successive lookups get successive answers; the last one repeats.
            return answers.size() > 1 ? answers.removeFirst() : answers.getFirst();
        };
        Dialer recording = (InetSocketAddress address, int timeout) -> {
            connects.add(address.getAddress());
            if (!address.getAddress().getHostAddress().startsWith("93.184.216.")) {
                throw new AssertionError("the fetcher tried to connect to " + address);
            }
            Socket socket = new Socket();
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), site.port()), timeout);
            return socket;
        };
        fetcher = new PinnedHttpFetcher(new Egress(new PublicAddressesOnly(), resolver, recording), SSLContext.getDefault(), Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        site.close();
    }

    private void answer(String host, String... ips) {
        List<InetAddress> addresses = new ArrayList<>();
        for (String ip : ips) {
            try {
                addresses.add(InetAddress.getByName(ip));
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(ip, e);
            }
        }
        dns.computeIfAbsent(host, h -> new ArrayList<>()).add(addresses);
    }

    private FetchRefusedException refusal(String url) {
        FetchRefusedException refused = catchThrowableOfType(FetchRefusedException.class,
                () -> fetcher.fetch(URI.create(url), FetchLimits.defaults()));
        assertThat(refused).as("refusal of %s", url).isNotNull();
        return refused;
    }

    @ParameterizedTest(name = "{0} is refused: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            http://127.0.0.1/                                   | FORBIDDEN_ADDRESS | loopback
            http://127.255.255.254:8080/                        | FORBIDDEN_ADDRESS | loopback
            http://127.1/                                       | HOST_NOTATION     | unusual notation
            http://2130706433/                                  | HOST_NOTATION     | unusual notation
            http://0x7f.1/                                      | HOST_NOTATION     | unusual notation
            http://0x7f000001/                                  | HOST_NOTATION     | unusual notation
            http://017700000001/                                | HOST_NOTATION     | unusual notation
            http://0177.0.0.1/                                  | HOST_NOTATION     | unusual notation
            http://0x7f.0x0.0x0.0x1/                            | HOST_NOTATION     | unusual notation
            http://0/                                           | HOST_NOTATION     | unusual notation
            http://127.000.000.001/                             | HOST_NOTATION     | unusual notation
            http://0.0.0.0/                                     | FORBIDDEN_ADDRESS | unspecified
            http://10.0.0.1/                                    | FORBIDDEN_ADDRESS | private network
            http://172.16.5.4/                                  | FORBIDDEN_ADDRESS | private network
            http://172.31.255.255/                              | FORBIDDEN_ADDRESS | private network
            http://192.168.1.1/                                 | FORBIDDEN_ADDRESS | private network
            http://100.64.0.1/                                  | FORBIDDEN_ADDRESS | carrier-grade NAT
            http://100.127.255.254/                             | FORBIDDEN_ADDRESS | carrier-grade NAT
            http://169.254.169.254/latest/meta-data/            | FORBIDDEN_ADDRESS | cloud metadata
            http://169.254.10.20/                               | FORBIDDEN_ADDRESS | link-local
            http://224.0.0.1/                                   | FORBIDDEN_ADDRESS | multicast
            http://255.255.255.255/                             | FORBIDDEN_ADDRESS | broadcast
            http://240.0.0.1/                                   | FORBIDDEN_ADDRESS | reserved
            http://192.0.0.8/                                   | FORBIDDEN_ADDRESS | IETF protocol
            http://192.0.2.10/                                  | FORBIDDEN_ADDRESS | documentation
            http://198.51.100.7/                                | FORBIDDEN_ADDRESS | documentation
            http://203.0.113.9/                                 | FORBIDDEN_ADDRESS | documentation
            http://198.18.0.1/                                  | FORBIDDEN_ADDRESS | benchmarking
            http://[::1]/                                       | FORBIDDEN_ADDRESS | loopback
            http://[::]/                                        | FORBIDDEN_ADDRESS | unspecified
            http://[::ffff:127.0.0.1]/                          | FORBIDDEN_ADDRESS | loopback
            http://[::ffff:a9fe:a9fe]/                          | FORBIDDEN_ADDRESS | cloud metadata
            http://[::127.0.0.1]/                               | FORBIDDEN_ADDRESS | IPv4-compatible address embedding 127.0.0.1
            http://[::8.8.8.8]/                                 | FORBIDDEN_ADDRESS | deprecated IPv4-compatible
            http://[64:ff9b::7f00:1]/                           | FORBIDDEN_ADDRESS | NAT64 address embedding 127.0.0.1
            http://[64:ff9b::10.0.0.1]/                         | FORBIDDEN_ADDRESS | NAT64 address embedding 10.0.0.1
            http://[2002:7f00:1::]/                             | FORBIDDEN_ADDRESS | 6to4 address embedding 127.0.0.1
            http://[2002:c0a8:101::1]/                          | FORBIDDEN_ADDRESS | 6to4 address embedding 192.168.1.1
            http://[2001:0:4136:e378:8000:63bf:80ff:fffe]/      | FORBIDDEN_ADDRESS | Teredo address embedding 127.0.0.1
            http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/      | FORBIDDEN_ADDRESS | Teredo
            http://[fd00:ec2::254]/latest/meta-data/            | FORBIDDEN_ADDRESS | cloud metadata
            http://[fc00::1]/                                   | FORBIDDEN_ADDRESS | unique local
            http://[fd12:3456:789a::1]/                         | FORBIDDEN_ADDRESS | unique local
            http://[fe80::1]/                                   | FORBIDDEN_ADDRESS | link-local
            http://[fec0::1]/                                   | FORBIDDEN_ADDRESS | site-local
            http://[ff02::1]/                                   | FORBIDDEN_ADDRESS | multicast
            http://[2001:db8::1]/                               | FORBIDDEN_ADDRESS | documentation
            http://[100::1]/                                    | FORBIDDEN_ADDRESS | reserved
            http://[fe80::1%25eth0]/                            | HOST_NOTATION     | zone
            http://localhost:8080/                              | FORBIDDEN_ADDRESS | loopback
            http://admin.localhost/                             | FORBIDDEN_ADDRESS | loopback
            ftp://files.example.net/a.jpg                       | SCHEME            | only http and https
            file:///etc/passwd                                  | SCHEME            | only http and https
            gopher://example.net:70/                            | SCHEME            | only http and https
            jar:http://example.net/x.jar!/a                     | SCHEME            | only http and https
            http://user:secret@example.net/                     | CREDENTIALS       | user name or password
            http://user@example.net/                            | CREDENTIALS       | user name or password
            http://under_score.example.net/                     | HOST_NOTATION     | host name
            http://abcdefghijklmnop.onion/                      | ONION             | Tor hidden services
            http://abcdefghijklmnop.onion./                     | ONION             | Tor hidden services
            """)
    void refusesAddressesAndNotations(String url, Reason reason, String explanation) {
        FetchRefusedException refused = refusal(url);
        assertThat(refused.reason()).isEqualTo(reason);
        assertThat(refused.getMessage()).contains(explanation);
        assertThat(connects).as("connections attempted").isEmpty();
    }

    @ParameterizedTest(name = "a host resolving to {1} is refused")
    @CsvSource(delimiter = '|', textBlock = """
            intranet.example.net     | 10.1.2.3
            printer.example.net      | 192.168.0.20
            metadata.example.net     | 169.254.169.254
            six.example.net          | ::1
            mapped.example.net       | ::ffff:10.0.0.1
            ula.example.net          | fd00::5
            cgnat.example.net        | 100.100.100.100
            """)
    void refusesHostsResolvingInside(String host, String address) {
        answer(host, address);
        FetchRefusedException refused = refusal("http://" + host + "/");
        assertThat(refused.reason()).isEqualTo(Reason.FORBIDDEN_ADDRESS);
        assertThat(refused.getMessage()).contains(host + " resolves to");
        assertThat(connects).isEmpty();
    }

    @Test
    void internationalisedHostNamesAreCheckedInTheirDnsForm() {
        answer("xn--bcher-kva.example", "10.0.0.1");
        FetchRefusedException refused = refusal("http://bücher.example:8080/");
        assertThat(refused.getMessage()).contains("xn--bcher-kva.example resolves to 10.0.0.1");
        assertThat(refusal("http://b%C3%BCcher.example/").getMessage()).contains("xn--bcher-kva.example resolves to 10.0.0.1");
        assertThat(refusal("http://%31%32%37.0.0.1/").getMessage()).contains("loopback");
        assertThat(connects).isEmpty();
    }

    @Test
    void oneInternalAnswerAmongPublicOnesRefusesTheHost() {
        answer("mixed.example.net", PUBLIC, "127.0.0.1");
        assertThat(refusal("http://mixed.example.net/").getMessage()).contains("127.0.0.1", "loopback");
        assertThat(connects).isEmpty();
    }

    @Test
    void refusesARedirectToLoopback() {
        answer("public.example.net", PUBLIC);
        site.redirect("/start", 302, "http://127.0.0.1:" + site.port() + "/secret");
        FetchRefusedException refused = refusal("http://public.example.net/start");
        assertThat(refused.getMessage()).contains("127.0.0.1", "loopback");
        assertThat(site.wasRequested("/secret")).isFalse();
    }

    @Test
    void refusesARedirectChainEndingInsideOnTheThirdHop() {
        answer("a.example.net", PUBLIC);
        answer("b.example.net", PUBLIC_2);
        answer("c.example.net", "10.20.30.40");
        site.redirect("/one", 301, "http://b.example.net/two");
        site.redirect("/two", 307, "http://c.example.net/secret");
        FetchRefusedException refused = refusal("http://a.example.net/one");
        assertThat(refused.getMessage()).contains("c.example.net resolves to 10.20.30.40");
        assertThat(connects).extracting(InetAddress::getHostAddress).containsExactly(PUBLIC, PUBLIC_2);
    }

    @Test
    void refusesARedirectToIpv6LoopbackAndToAnOtherScheme() {
        answer("public.example.net", PUBLIC);
        site.redirect("/v6", 302, "http://[::1]/secret");
        site.redirect("/file", 302, "file:///etc/passwd");
        assertThat(refusal("http://public.example.net/v6").getMessage()).contains("loopback");
        assertThat(refusal("http://public.example.net/file").reason()).isEqualTo(Reason.SCHEME);
    }

    @Test
    void refusesARedirectToADecimalAddress() {
        answer("public.example.net", PUBLIC);
        site.redirect("/dec", 302, "http://2130706433/secret");
        assertThat(refusal("http://public.example.net/dec").reason()).isEqualTo(Reason.HOST_NOTATION);
        assertThat(site.wasRequested("/secret")).isFalse();
    }

    @Test
    void stopsAfterTheRedirectLimit() {
        answer("loop.example.net", PUBLIC);
        site.redirect("/loop", 302, "/loop");
        FetchRefusedException refused = catchThrowableOfType(FetchRefusedException.class,
                () -> fetcher.fetch(URI.create("http://loop.example.net/loop"), FetchLimits.defaults().withMaxRedirects(3)));
        assertThat(refused.reason()).isEqualTo(Reason.TOO_MANY_REDIRECTS);
        assertThat(connects).hasSize(4);
    }

    @Test
    void dnsRebindingConnectsToTheAddressThatWasChecked() throws Exception {
        // First answer public, every later one loopback: the connection must use the first.
        answer("rebind.example.net", PUBLIC);
        answer("rebind.example.net", "127.0.0.1");
        site.page("/page", "text/html", "<p>public page</p>".getBytes(StandardCharsets.UTF_8));
        FetchResult result = fetcher.fetch(URI.create("http://rebind.example.net/page"), FetchLimits.defaults());
        assertThat(result.resolvedIp()).isEqualTo(PUBLIC);
        assertThat(connects).extracting(InetAddress::getHostAddress).containsExactly(PUBLIC);
        assertThat(lookups).hasValue(1);
        assertThat(result.header("X-Seen-Host")).hasValue("rebind.example.net");
    }

    @Test
    void dnsRebindingBetweenRedirectHopsIsCaughtAtTheNextCheck() {
        answer("rebind2.example.net", PUBLIC);
        answer("rebind2.example.net", "127.0.0.1");
        site.redirect("/hop", 302, "/secret");
        FetchRefusedException refused = refusal("http://rebind2.example.net/hop");
        assertThat(refused.getMessage()).contains("resolves to 127.0.0.1");
        assertThat(site.wasRequested("/secret")).isFalse();
        assertThat(connects).extracting(InetAddress::getHostAddress).containsExactly(PUBLIC);
    }

    @Test
    void unknownHostsAreRefusedWithoutConnecting() {
        assertThat(refusal("http://nowhere.example.net/").reason()).isEqualTo(Reason.UNRESOLVABLE);
        assertThatThrownBy(() -> fetcher.fetch(URI.create("http:///nohost"), FetchLimits.defaults()))
                .isInstanceOf(FetchRefusedException.class);
        assertThat(connects).isEmpty();
    }

    @Test
    void theDirectDialerRefusesUnresolvedAddresses() {
        assertThatThrownBy(() -> Dialer.direct().connect(InetSocketAddress.createUnresolved("example.net", 80), 1000))
                .isInstanceOf(IOException.class);
    }
}
