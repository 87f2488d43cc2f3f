package org.recourse.evidence.internal.fetch;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

import org.recourse.evidence.FetchLimits;
import org.recourse.evidence.FetchRefusedException;
import org.recourse.evidence.FetchRefusedException.Reason;
import org.recourse.evidence.FetchResult;
import org.recourse.evidence.FetchResult.Hop;
import org.recourse.evidence.SafeFetcher;

/**
 * The safe fetcher. For every hop it resolves the host once, checks every address the DNS
 * returned, and opens the socket to the checked address itself, so a DNS answer that changes
 * between check and connect (rebinding) has nothing to change. TLS is layered on that socket
 * with the original host name for SNI and certificate verification; the request is plain
 * HTTP/1.1 written by hand, because the JDK clients resolve the host again on their own.
 */
public final class PinnedHttpFetcher implements SafeFetcher {

    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    private final Egress egress;
    private final SSLContext tls;
    private final Clock clock;

    public PinnedHttpFetcher(Egress egress, SSLContext tls, Clock clock) {
        this.egress = egress;
        this.tls = tls;
        this.clock = clock;
    }

    @Override
    public FetchResult fetch(URI url, FetchLimits limits) throws FetchRefusedException {
        Deadline deadline = new Deadline(limits.timeout());
        List<Hop> hops = new ArrayList<>();
        URI current = url;
        while (true) {
            FetchTarget target = FetchTarget.of(current);
            InetAddress address = egress.checkedAddress(target);
            Response response = exchange(target, address, limits, deadline);
            hops.add(new Hop(current, address.getHostAddress(), response.head.status()));
            String location = response.head.first("Location");
            if (REDIRECTS.contains(response.head.status()) && location != null) {
                if (hops.size() > limits.maxRedirects()) {
                    throw new FetchRefusedException(Reason.TOO_MANY_REDIRECTS,
                            "more than " + limits.maxRedirects() + " redirects");
                }
                current = next(current, location);
                continue;
            }
            return new FetchResult(response.head.status(), response.head.headers(), current, address.getHostAddress(),
                    response.certificateSha256, response.body, clock.instant(), hops);
        }
    }

    private record Response(HttpResponseReader.Head head, byte[] body, String certificateSha256) {
    }

    private Response exchange(FetchTarget target, InetAddress address, FetchLimits limits, Deadline deadline)
            throws FetchRefusedException {
        try (Socket socket = open(target, address, deadline)) {
            String certificate = socket instanceof SSLSocket ssl ? leafSha256(ssl) : null;
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + target.requestTarget() + " HTTP/1.1\r\n"
                    + "Host: " + target.hostHeader() + "\r\n"
                    + "User-Agent: Recourse-evidence/1 (hotline evidence capture)\r\n"
                    + "Accept: */*\r\n"
                    + "Accept-Encoding: identity\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = deadline.guard(socket, new BufferedInputStream(socket.getInputStream()));
            HttpResponseReader reader = new HttpResponseReader(in);
            HttpResponseReader.Head head = reader.readHead();
            if (REDIRECTS.contains(head.status()) && head.first("Location") != null) {
                return new Response(head, new byte[0], certificate);
            }
            String contentType = head.first("Content-Type");
            if (!limits.accepts(contentType)) {
                throw new FetchRefusedException(Reason.CONTENT_TYPE,
                        "the content type " + (contentType == null ? "(none)" : contentType) + " is not accepted here");
            }
            return new Response(head, reader.readBody(head, limits.maxBytes()), certificate);
        } catch (SocketTimeoutException e) {
            throw new FetchRefusedException(Reason.TIMEOUT, "the server did not answer within " + limits.timeout().toSeconds() + " seconds", e);
        } catch (SSLException e) {
            throw new FetchRefusedException(Reason.TLS, "the TLS connection to " + target.host() + " failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new FetchRefusedException(Reason.CONNECTION, "the connection to " + target.host() + " failed: " + e.getMessage(), e);
        }
    }

    private Socket open(FetchTarget target, InetAddress address, Deadline deadline) throws IOException {
        Socket plain = egress.connect(target, address, deadline.remainingMillis());
        if (!target.https()) {
            return plain;
        }
        try {
            plain.setSoTimeout(deadline.remainingMillis());
            SSLSocket ssl = (SSLSocket) tls.getSocketFactory().createSocket(plain, target.host(), target.port(), true);
            SSLParameters parameters = ssl.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            if (target.literal() == null) {
                parameters.setServerNames(List.of(new SNIHostName(target.host())));
            }
            ssl.setSSLParameters(parameters);
            ssl.startHandshake();
            return ssl;
        } catch (IOException e) {
            plain.close();
            throw e;
        }
    }

    private static String leafSha256(SSLSocket ssl) throws SSLException {
        try {
            Certificate[] chain = ssl.getSession().getPeerCertificates();
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(chain[0].getEncoded()));
        } catch (CertificateEncodingException | NoSuchAlgorithmException e) {
            throw new SSLException("cannot read the server certificate", e);
        }
    }

    private static URI next(URI current, String location) throws FetchRefusedException {
        try {
            return current.resolve(new URI(location.trim()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new FetchRefusedException(Reason.PROTOCOL, "the server redirected to an unreadable location");
        }
    }
}
