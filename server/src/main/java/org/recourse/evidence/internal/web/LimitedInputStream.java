package org.recourse.evidence.internal.web;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Stops an upload that grows past the limit while it streams (the length header may be absent). */
final class LimitedInputStream extends FilterInputStream {

    private final long limit;
    private long read;

    LimitedInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    private void count(int n) throws IOException {
        read += n;
        if (read > limit) {
            throw new IOException("upload larger than " + limit + " bytes");
        }
    }
}
