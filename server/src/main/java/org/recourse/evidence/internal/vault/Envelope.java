package org.recourse.evidence.internal.vault;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.StreamingAead;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.streamingaead.PredefinedStreamingAeadParameters;
import com.google.crypto.tink.streamingaead.StreamingAeadConfig;

/**
 * Envelope encryption of one object: a fresh streaming data key per object (AES-256-GCM-HKDF in
 * 1 MB segments, so any size streams through in constant memory), wrapped by the KEK. The
 * object id is bound into both ciphertexts, so neither bytes nor keys can be swapped between
 * objects unnoticed.
 */
public final class Envelope {

    static {
        try {
            StreamingAeadConfig.register();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final KeyEncryptionKey kek;

    public Envelope(KeyEncryptionKey kek) {
        this.kek = kek;
    }

    /** A new data key for {@code objectId}: the wrapped key to store and the encrypting stream. */
    public Sealing seal(String objectId) throws GeneralSecurityException {
        KeysetHandle dataKey = KeysetHandle.generateNew(PredefinedStreamingAeadParameters.AES256_GCM_HKDF_1MB);
        int kekId = kek.primaryKeyId();
        byte[] wrapped = TinkProtoKeysetFormat.serializeEncryptedKeyset(dataKey, kek.aead(), keyContext(objectId));
        return new Sealing(wrapped, kekId, dataKey.getPrimitive(RegistryConfiguration.get(), StreamingAead.class), objectId);
    }

    public InputStream open(InputStream ciphertext, byte[] wrappedKey, String objectId) throws GeneralSecurityException, IOException {
        KeysetHandle dataKey = TinkProtoKeysetFormat.parseEncryptedKeyset(wrappedKey, kek.aead(), keyContext(objectId));
        return dataKey.getPrimitive(RegistryConfiguration.get(), StreamingAead.class)
                .newDecryptingStream(ciphertext, streamContext(objectId));
    }

    /** The same data key wrapped with the current primary KEK; the object's bytes stay as they are. */
    public byte[] rewrap(byte[] wrappedKey, String objectId) throws GeneralSecurityException {
        KeysetHandle dataKey = TinkProtoKeysetFormat.parseEncryptedKeyset(wrappedKey, kek.aead(), keyContext(objectId));
        return TinkProtoKeysetFormat.serializeEncryptedKeyset(dataKey, kek.aead(), keyContext(objectId));
    }

    public int primaryKekId() {
        return kek.primaryKeyId();
    }

    /** A data key ready to encrypt one object. */
    public record Sealing(byte[] wrappedKey, int kekId, StreamingAead aead, String objectId) {

        public OutputStream encrypt(OutputStream ciphertext) throws GeneralSecurityException, IOException {
            return aead.newEncryptingStream(ciphertext, streamContext(objectId));
        }
    }

    private static byte[] keyContext(String objectId) {
        return ("recourse-evidence-key:" + objectId).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] streamContext(String objectId) {
        return ("recourse-evidence-bytes:" + objectId).getBytes(StandardCharsets.UTF_8);
    }
}
