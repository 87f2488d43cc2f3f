package org.recourse.evidence.internal.fetch;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;

/**
 * The time left for a whole fetch. Reading through {@link #guard} shortens the socket timeout to
 * what is left before every read, so a server dripping one byte at a time cannot hold us past it.
 */
final class Deadline {

    private final long endNanos;

    Deadline(java.time.Duration total) {
        this.endNanos = System.nanoTime() + total.toNanos();
    }

    int remainingMillis() throws SocketTimeoutException {
        long left = (endNanos - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
            throw new SocketTimeoutException("fetch deadline passed");
        }
        return (int) Math.min(Integer.MAX_VALUE, left);
    }

    InputStream guard(Socket socket, InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                socket.setSoTimeout(remainingMillis());
                return super.read();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                socket.setSoTimeout(remainingMillis());
                return super.read(b, off, len);
            }
        };
    }
}
