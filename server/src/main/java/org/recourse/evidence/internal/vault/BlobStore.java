package org.recourse.evidence.internal.vault;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Where ciphertext lives: the local filesystem or S3-compatible object storage. It only ever
 * sees encrypted bytes. A write either completes under its key or leaves nothing behind.
 */
public interface BlobStore {

    @FunctionalInterface
    interface Writer {
        /** Writes the whole object; may close {@code out}. */
        void writeTo(OutputStream out) throws IOException;
    }

    void put(String key, Writer writer) throws IOException;

    InputStream get(String key) throws IOException;

    void delete(String key) throws IOException;
}
