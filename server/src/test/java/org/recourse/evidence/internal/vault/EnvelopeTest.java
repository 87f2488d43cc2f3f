package org.recourse.evidence.internal.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.Random;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvelopeTest {

    @TempDir
    Path dir;

    @Test
    void createsAPrivateKeyFileOnFirstUseAndReadsItBack() throws Exception {
        Path file = dir.resolve("secrets/evidence-kek.json");
        KeyEncryptionKey first = KeyEncryptionKey.load("", file);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
        assertThat(KeyEncryptionKey.load(null, file).primaryKeyId()).isEqualTo(first.primaryKeyId());
    }

    @Test
    void takesTheKeysetFromTheEnvironmentValueBeforeTheFile() throws Exception {
        Path file = dir.resolve("kek.json");
        KeyEncryptionKey fromFile = KeyEncryptionKey.load(null, file);
        KeyEncryptionKey other = KeyEncryptionKey.load(null, dir.resolve("other.json"));
        String json = Files.readString(dir.resolve("other.json"));
        assertThat(KeyEncryptionKey.load(json, file).primaryKeyId()).isEqualTo(other.primaryKeyId()).isNotEqualTo(fromFile.primaryKeyId());
        assertThatThrownBy(() -> KeyEncryptionKey.load(json, file).rotate()).hasMessageContaining("RECOURSE_EVIDENCE_KEK");
    }

    @Test
    void streamsALargeObjectThroughEncryptionAndBack() throws Exception {
        Envelope envelope = new Envelope(KeyEncryptionKey.load(null, dir.resolve("kek.json")));
        byte[] plain = new byte[3 * 1024 * 1024 + 17];
        new Random(1).nextBytes(plain);
        Envelope.Sealing sealing = envelope.seal("object-1");
        ByteArrayOutputStream cipher = new ByteArrayOutputStream();
        try (OutputStream out = sealing.encrypt(cipher)) {
            out.write(plain);
        }
        assertThat(cipher.size()).isGreaterThan(plain.length);
        try (InputStream in = envelope.open(new ByteArrayInputStream(cipher.toByteArray()), sealing.wrappedKey(), "object-1")) {
            assertThat(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()))
                    .isEqualTo(MessageDigest.getInstance("SHA-256").digest(plain));
        }
    }

    @Test
    void bytesAndKeysAreBoundToTheirObject() throws Exception {
        Envelope envelope = new Envelope(KeyEncryptionKey.load(null, dir.resolve("kek.json")));
        Envelope.Sealing sealing = envelope.seal("object-a");
        byte[] cipher = encrypt(sealing, "for object a");
        assertThatThrownBy(() -> envelope.open(new ByteArrayInputStream(cipher), sealing.wrappedKey(), "object-b"))
                .isInstanceOf(java.security.GeneralSecurityException.class);
        cipher[cipher.length - 5] ^= 1;
        assertThatThrownBy(() -> envelope.open(new ByteArrayInputStream(cipher), sealing.wrappedKey(), "object-a").readAllBytes())
                .isInstanceOf(IOException.class);
    }

    @Test
    void rotationKeepsOldObjectsReadableAndRewrappingMovesThemToTheNewKey() throws Exception {
        Path file = dir.resolve("kek.json");
        KeyEncryptionKey kek = KeyEncryptionKey.load(null, file);
        Envelope envelope = new Envelope(kek);
        int oldKey = kek.primaryKeyId();
        Envelope.Sealing sealing = envelope.seal("object-r");
        byte[] cipher = encrypt(sealing, "sealed before rotation");

        int newKey = kek.rotate();

        assertThat(newKey).isNotEqualTo(oldKey);
        assertThat(kek.keyCount()).isEqualTo(2);
        assertThat(decrypt(envelope, cipher, sealing.wrappedKey(), "object-r")).isEqualTo("sealed before rotation");
        byte[] rewrapped = envelope.rewrap(sealing.wrappedKey(), "object-r");

        // A KEK holding only the new key opens the re-wrapped object, and not the old wrapping.
        KeysetHandle onlyNew = KeysetHandle.newBuilder(TinkJsonProtoKeysetFormat.parseKeyset(Files.readString(file), InsecureSecretKeyAccess.get()))
                .deleteAt(0).build();
        Envelope newOnly = new Envelope(KeyEncryptionKey.load(TinkJsonProtoKeysetFormat.serializeKeyset(onlyNew, InsecureSecretKeyAccess.get()), file));
        assertThat(decrypt(newOnly, cipher, rewrapped, "object-r")).isEqualTo("sealed before rotation");
        assertThatThrownBy(() -> decrypt(newOnly, cipher, sealing.wrappedKey(), "object-r"))
                .isInstanceOf(java.security.GeneralSecurityException.class);
    }

    @Test
    void aRunningProcessSeesARotationWrittenByAnotherOne() throws Exception {
        Path file = dir.resolve("kek.json");
        KeyEncryptionKey server = KeyEncryptionKey.load(null, file);
        KeyEncryptionKey command = KeyEncryptionKey.load(null, file);
        int rotated = command.rotate();
        assertThat(server.primaryKeyId()).isEqualTo(rotated);
    }

    private static byte[] encrypt(Envelope.Sealing sealing, String text) throws Exception {
        ByteArrayOutputStream cipher = new ByteArrayOutputStream();
        try (OutputStream out = sealing.encrypt(cipher)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return cipher.toByteArray();
    }

    private static String decrypt(Envelope envelope, byte[] cipher, byte[] wrapped, String id) throws Exception {
        try (InputStream in = envelope.open(new ByteArrayInputStream(cipher), wrapped, id)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
