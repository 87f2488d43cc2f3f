package org.recourse.evidence.internal.vault;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Encrypted objects, each stored once per SHA-256. The hash is known only after the last byte,
 * so an object is first streamed, encrypted, under a fresh random key; if the hash turns out
 * to be known already, the new copy is deleted and the existing one used. Storage keys are
 * random, never the hash, so the blob store reveals nothing about content.
 */
@Component
public class SealedBlobs {

    private final JdbcClient jdbc;
    private final BlobStore store;
    private final Envelope envelope;
    private final Clock clock;

    public SealedBlobs(JdbcClient jdbc, BlobStore store, Envelope envelope, Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.envelope = envelope;
        this.clock = clock;
    }

    public record StoredBlob(UUID id, String sha256, long size, boolean alreadyStored) {
    }

    /** Streams {@code plaintext} into the vault; never holds it whole, never writes it unencrypted. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public StoredBlob store(InputStream plaintext) throws IOException {
        UUID id = UUID.randomUUID();
        String key = id.toString();
        MessageDigest digest = sha256();
        long[] size = {0};
        Envelope.Sealing sealing;
        try {
            sealing = envelope.seal(key);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot create a data key", e);
        }
        store.put(key, out -> {
            try (OutputStream encrypted = sealing.encrypt(out); InputStream in = new DigestInputStream(plaintext, digest)) {
                size[0] = in.transferTo(encrypted);
            } catch (GeneralSecurityException e) {
                throw new IOException("cannot encrypt", e);
            }
        });
        String sha256 = HexFormat.of().formatHex(digest.digest());
        int inserted = jdbc.sql("""
                        insert into evidence_blob (id, sha256, size_bytes, storage_key, wrapped_key, kek_key_id, created_at)
                        values (?, ?, ?, ?, ?, ?, ?) on conflict (sha256) do nothing""")
                .params(id, sha256, size[0], key, sealing.wrappedKey(), Integer.toUnsignedLong(sealing.kekId()),
                        Timestamp.from(clock.instant()))
                .update();
        if (inserted == 1) {
            return new StoredBlob(id, sha256, size[0], false);
        }
        store.delete(key);
        UUID existing = jdbc.sql("select id from evidence_blob where sha256 = ?").param(sha256).query(UUID.class).single();
        return new StoredBlob(existing, sha256, size[0], true);
    }

    /** The decrypted bytes, streamed; a changed ciphertext fails while reading. */
    public InputStream open(UUID blobId) throws IOException {
        Row row = row(blobId).orElseThrow(() -> new IOException("evidence bytes " + blobId + " are not in the vault"));
        try {
            return envelope.open(store.get(row.storageKey()), row.wrappedKey(), row.storageKey());
        } catch (GeneralSecurityException e) {
            throw new IOException("the data key of " + blobId + " cannot be unwrapped", e);
        }
    }

    /** Crypto-shredding: removes the bytes and the wrapped key, unless something still refers to the blob. */
    @Transactional
    public boolean deleteIfUnreferenced(UUID blobId) {
        Optional<Row> row = row(blobId);
        if (row.isEmpty()) {
            return false;
        }
        int deleted = jdbc.sql("""
                        delete from evidence_blob b where b.id = ?
                          and not exists (select 1 from evidence_object o where o.blob_id = b.id)
                          and not exists (select 1 from evidence_package p where p.blob_id = b.id)""")
                .param(blobId).update();
        if (deleted == 1) {
            try {
                store.delete(row.get().storageKey());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return deleted == 1;
    }

    /** Re-wraps every data key not yet wrapped by the current primary KEK; returns how many. */
    public int rewrapAll() {
        long primary = Integer.toUnsignedLong(envelope.primaryKekId());
        int total = 0;
        while (true) {
            List<UUID> batch = jdbc.sql("select id from evidence_blob where kek_key_id <> ? order by id limit 500")
                    .param(primary).query(UUID.class).list();
            if (batch.isEmpty()) {
                return total;
            }
            for (UUID id : batch) {
                Row row = row(id).orElseThrow();
                try {
                    byte[] rewrapped = envelope.rewrap(row.wrappedKey(), row.storageKey());
                    jdbc.sql("update evidence_blob set wrapped_key = ?, kek_key_id = ? where id = ?")
                            .params(rewrapped, primary, id).update();
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException("cannot re-wrap the data key of " + id, e);
                }
                total++;
            }
        }
    }

    private record Row(String storageKey, byte[] wrappedKey) {
    }

    private Optional<Row> row(UUID blobId) {
        return jdbc.sql("select storage_key, wrapped_key from evidence_blob where id = ?").param(blobId)
                .query((rs, n) -> new Row(rs.getString(1), rs.getBytes(2))).optional();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
