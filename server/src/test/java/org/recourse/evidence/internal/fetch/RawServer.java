package org.recourse.evidence.internal.fetch;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** A loopback server that answers every connection with whatever bytes a test writes. */
final class RawServer implements AutoCloseable {

    @FunctionalInterface
    interface Responder {
        void respond(OutputStream out) throws IOException, InterruptedException;
    }

    private final ServerSocket socket;
    private final Thread thread;

    RawServer(Responder responder) throws IOException {
        socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        thread = Thread.ofVirtual().start(() -> {
            while (!socket.isClosed()) {
                try (Socket client = socket.accept()) {
                    client.getInputStream().read(new byte[8192]);
                    responder.respond(client.getOutputStream());
                } catch (IOException | InterruptedException e) {
                    return;
                }
            }
        });
    }

    int port() {
        return socket.getLocalPort();
    }

    @Override
    public void close() throws IOException {
        socket.close();
        thread.interrupt();
    }
}
