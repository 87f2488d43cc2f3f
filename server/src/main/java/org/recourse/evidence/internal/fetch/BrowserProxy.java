package org.recourse.evidence.internal.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

import org.recourse.evidence.FetchRefusedException;

/**
 * A forward proxy on loopback for one browser session (the screenshot): every request the
 * browser makes, page, image, script or websocket, passes through {@link Egress}, so the
 * browser gets no further into our network than the fetcher does and DNS rebinding cannot
 * move it either. HTTPS stays end to end (CONNECT tunnel to the checked address).
 */
public final class BrowserProxy implements AutoCloseable {

    private static final int MAX_HEAD = 64 * 1024;
    private static final int TIMEOUT_MILLIS = 30_000;

    private final Egress egress;
    private final ServerSocket server;
    private final List<String> refused = new CopyOnWriteArrayList<>();

    private BrowserProxy(Egress egress) throws IOException {
        this.egress = egress;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("browser-proxy").start(this::acceptLoop);
    }

    public static BrowserProxy start(Egress egress) throws IOException {
        return new BrowserProxy(egress);
    }

    public int port() {
        return server.getLocalPort();
    }

    /** What the browser tried to reach and was refused, with the reason. */
    public List<String> refusals() {
        return List.copyOf(refused);
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Thread.ofVirtual().start(() -> serve(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            client.setSoTimeout(TIMEOUT_MILLIS);
            InputStream in = client.getInputStream();
            String head = readHead(in);
            if (head == null) {
                return;
            }
            String[] lines = head.split("\r\n");
            String[] request = lines[0].split(" ");
            if (request.length != 3) {
                return;
            }
            boolean tunnel = request[0].equalsIgnoreCase("CONNECT");
            URI uri = URI.create(tunnel ? "https://" + request[1] + "/" : request[1]);
            FetchTarget target;
            InetAddress address;
            try {
                target = FetchTarget.of(uri);
                address = egress.checkedAddress(target);
            } catch (FetchRefusedException e) {
                refused.add(uri.getHost() + ": " + e.getMessage());
                client.getOutputStream().write("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                        .getBytes(StandardCharsets.ISO_8859_1));
                return;
            }
            try (Socket upstream = egress.connect(target, address, TIMEOUT_MILLIS)) {
                upstream.setSoTimeout(TIMEOUT_MILLIS);
                if (tunnel) {
                    client.getOutputStream().write("HTTP/1.1 200 Connection Established\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                } else {
                    upstream.getOutputStream().write(originForm(request, lines, target).getBytes(StandardCharsets.ISO_8859_1));
                }
                pipe(client, upstream);
            }
        } catch (IOException | IllegalArgumentException e) {
            // The browser gives up on this resource; the page renders without it.
        }
    }

    private static String originForm(String[] request, String[] lines, FetchTarget target) {
        StringBuilder out = new StringBuilder(request[0]).append(' ').append(target.requestTarget()).append(' ').append(request[2]).append("\r\n");
        for (int i = 1; i < lines.length; i++) {
            String name = lines[i].contains(":") ? lines[i].substring(0, lines[i].indexOf(':')).trim().toLowerCase(Locale.ROOT) : "";
            if (!name.equals("proxy-connection") && !name.equals("connection") && !name.equals("keep-alive")) {
                out.append(lines[i]).append("\r\n");
            }
        }
        return out.append("Connection: close\r\n\r\n").toString();
    }

    private static void pipe(Socket client, Socket upstream) throws IOException {
        Thread up = Thread.ofVirtual().start(() -> copy(client, upstream));
        copy(upstream, client);
        try {
            up.join(TIMEOUT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void copy(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
            to.shutdownOutput();
        } catch (IOException e) {
            // One side closed; the other copy ends with it.
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int c = in.read();
            if (c < 0 || head.size() >= MAX_HEAD) {
                return null;
            }
            head.write(c);
            matched = (c == '\r' && (matched == 0 || matched == 2)) || (c == '\n' && (matched == 1 || matched == 3)) ? matched + 1 : 0;
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        return text.substring(0, text.length() - 4);
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
