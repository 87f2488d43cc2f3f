package org.recourse.evidence.internal.vault;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;

/**
 * The key-encryption key (KEK): a Tink AEAD keyset that wraps every object's data key. It comes
 * from an environment variable (a keyset in Tink's JSON format) or from a key file, which is
 * created with mode 0600 on first start. Rotation adds a new primary key to the file; the old
 * keys stay so data keys wrapped with them still open until they are re-wrapped.
 *
 * <p>The file is re-read when it changes, so a rotation done by the command line reaches a
 * running server without a restart.
 */
public final class KeyEncryptionKey {

    static {
        try {
            AeadConfig.register();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Path file;
    private volatile Loaded loaded;

    private record Loaded(KeysetHandle keyset, Aead aead, FileTime modified) {
    }

    private KeyEncryptionKey(Path file, Loaded loaded) {
        this.file = file;
        this.loaded = loaded;
    }

    /** The KEK from {@code keysetJson} when given, else from {@code file}, created if missing. */
    public static KeyEncryptionKey load(String keysetJson, Path file) {
        try {
            if (keysetJson != null && !keysetJson.isBlank()) {
                return new KeyEncryptionKey(null, loaded(TinkJsonProtoKeysetFormat.parseKeyset(keysetJson, InsecureSecretKeyAccess.get()), null));
            }
            if (!Files.exists(file)) {
                write(file, KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM));
            }
            return new KeyEncryptionKey(file, read(file));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the evidence key-encryption key cannot be read", e);
        } catch (IOException e) {
            throw new UncheckedIOException("the evidence key-encryption key file cannot be read or created", e);
        }
    }

    public Aead aead() {
        return current().aead();
    }

    /** Id of the key new data keys are wrapped with. */
    public int primaryKeyId() {
        return current().keyset().getPrimary().getId();
    }

    public int keyCount() {
        return current().keyset().size();
    }

    /** Adds a fresh key, makes it primary and writes the file; returns the new primary id. */
    public synchronized int rotate() {
        if (file == null) {
            throw new IllegalStateException("the key-encryption key comes from RECOURSE_EVIDENCE_KEK; "
                    + "rotation writes a key file, so move the keyset to RECOURSE_EVIDENCE_KEK_FILE first");
        }
        try {
            KeysetHandle rotated = KeysetHandle.newBuilder(current().keyset())
                    .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM).withRandomId().makePrimary())
                    .build();
            write(file, rotated);
            loaded = read(file);
            return primaryKeyId();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot rotate the evidence key-encryption key", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the evidence key-encryption key file", e);
        }
    }

    private Loaded current() {
        Loaded now = loaded;
        if (file == null) {
            return now;
        }
        try {
            if (!Files.getLastModifiedTime(file).equals(now.modified())) {
                synchronized (this) {
                    loaded = read(file);
                    return loaded;
                }
            }
            return now;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("the evidence key-encryption key file cannot be read", e);
        }
    }

    private static Loaded read(Path file) throws IOException, GeneralSecurityException {
        FileTime modified = Files.getLastModifiedTime(file);
        String json = Files.readString(file, StandardCharsets.UTF_8);
        return loaded(TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get()), modified);
    }

    private static Loaded loaded(KeysetHandle keyset, FileTime modified) throws GeneralSecurityException {
        return new Loaded(keyset, keyset.getPrimitive(RegistryConfiguration.get(), Aead.class), modified);
    }

    /** Writes next to the file and moves it into place, so a reader never sees half a keyset. */
    private static void write(Path file, KeysetHandle keyset) throws IOException, GeneralSecurityException {
        Path dir = file.toAbsolutePath().getParent();
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        Path next = Files.createTempFile(dir, ".evidence-kek", ".json",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.writeString(next, TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get()), StandardCharsets.UTF_8);
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(next);
        }
    }
}
