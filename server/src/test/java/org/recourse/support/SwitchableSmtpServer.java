package org.recourse.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real SMTP endpoint on loopback that either passes every connection through to another SMTP
 * server (GreenMail) or answers like a server refusing the recipient, with a reply the test
 * chooses (e.g. {@code 550 5.1.1 Mailbox unavailable}). Lets a test make sending fail and then
 * succeed against the same configured mail server, as when an operator fixes it. It can also
 * {@linkplain #hold() hold} new connections before its greeting, so a test can act while a
 * delivery is on its way; what a held connection gets is decided when it is released.
 */
public final class SwitchableSmtpServer implements AutoCloseable {

    private final ServerSocket server;
    private final String targetHost;
    private final int targetPort;
    private volatile String refusal;
    private volatile CountDownLatch gate;
    private final AtomicInteger held = new AtomicInteger();

    public SwitchableSmtpServer(String targetHost, int targetPort) {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        try {
            this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Thread.ofVirtual().name("switchable-smtp").start(this::acceptLoop);
    }

    public int port() {
        return server.getLocalPort();
    }

    /** From now on every recipient is refused with {@code reply}, a full SMTP reply line such as {@code 550 5.1.1 ...}. */
    public void refuse(String reply) {
        this.refusal = reply;
    }

    /** From now on connections pass through to the real server. */
    public void accept() {
        this.refusal = null;
    }

    /** From now on new connections wait, before the greeting, until {@link #release()}. */
    public void hold() {
        this.gate = new CountDownLatch(1);
    }

    /** Lets the held connections (and every new one) go on, relayed or refused as the server is set now. */
    public void release() {
        CountDownLatch g = gate;
        gate = null;
        if (g != null) {
            g.countDown();
        }
    }

    /** How many connections are waiting at the gate. */
    public int held() {
        return held.get();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                CountDownLatch waitFor = gate;
                Thread.ofVirtual().start(() -> {
                    try (client) {
                        if (waitFor != null) {
                            held.incrementAndGet();
                            try {
                                waitFor.await(60, TimeUnit.SECONDS);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                                return;
                            } finally {
                                held.decrementAndGet();
                            }
                        }
                        String reply = refusal;
                        if (reply == null) {
                            relay(client);
                        } else {
                            refuse(client, reply);
                        }
                    } catch (IOException e) {
                        // The client or the real server hung up; the next connection starts afresh.
                    }
                });
            } catch (IOException e) {
                return;
            }
        }
    }

    private void relay(Socket client) throws IOException {
        try (Socket target = new Socket(targetHost, targetPort)) {
            Thread upstream = Thread.ofVirtual().start(() -> pipe(client, target));
            pipe(target, client);
            try {
                upstream.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void pipe(Socket from, Socket to) {
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            in.transferTo(out);
            to.shutdownOutput();
        } catch (IOException e) {
            // One side closed: the session is over.
        }
    }

    private static void refuse(Socket client, String reply) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
        Writer out = new OutputStreamWriter(client.getOutputStream(), StandardCharsets.US_ASCII);
        say(out, "220 refusing.test ESMTP");
        String line;
        while ((line = in.readLine()) != null) {
            String command = line.length() < 4 ? line.toUpperCase(Locale.ROOT) : line.substring(0, 4).toUpperCase(Locale.ROOT);
            switch (command) {
                case "EHLO", "HELO" -> say(out, "250 refusing.test");
                case "MAIL", "RSET", "NOOP" -> say(out, "250 2.0.0 OK");
                case "RCPT" -> say(out, reply);
                case "DATA" -> say(out, "554 5.5.1 No valid recipients");
                case "QUIT" -> {
                    say(out, "221 2.0.0 Bye");
                    return;
                }
                default -> say(out, "502 5.5.2 Command not recognised");
            }
        }
    }

    private static void say(Writer out, String line) throws IOException {
        out.write(line + "\r\n");
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
