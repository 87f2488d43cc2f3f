package org.recourse.platform.internal.database;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.spec.KeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.HybridDecrypt;
import com.google.crypto.tink.HybridEncrypt;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.StreamingAead;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.hybrid.HpkeParameters;
import com.google.crypto.tink.hybrid.HybridConfig;
import com.google.crypto.tink.streamingaead.PredefinedStreamingAeadParameters;
import com.google.crypto.tink.streamingaead.StreamingAeadConfig;
import com.google.crypto.tink.subtle.AesGcmJce;

/**
 * Optional encryption of a backup, file by file as it is written, so no plaintext copy ever lands
 * on the backup disk. One streaming data key per backup (AES-256-GCM-HKDF, 1 MB segments), each
 * file bound to its path in the backup (a file moved to another name does not decrypt). The data
 * key is kept in the manifest, wrapped either with a key derived from a passphrase (PBKDF2-HMAC-
 * SHA256, 600,000 rounds, random salt) or for a recipient's public key (Tink hybrid encryption,
 * HPKE with X25519), whose private half is kept offline and only needed to restore. The manifest
 * lists the encrypted files' hashes, so a backup is checked for completeness without any key.
 */
public final class BackupEncryption {

    /** Passphrases shorter than this are refused: the backup holds everything. */
    public static final int MIN_PASSPHRASE = 16;
    static final String PASSPHRASE = "passphrase-pbkdf2-sha256";
    static final String RECIPIENT = "tink-hybrid-hpke-x25519";
    private static final int ROUNDS = 600_000;
    private static final byte[] CONTEXT = "recourse-backup/1 data key".getBytes(StandardCharsets.UTF_8);

    static {
        try {
            StreamingAeadConfig.register();
            HybridConfig.register();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** No encryption: files are copied as they are. */
    public static final BackupEncryption NONE = new BackupEncryption(null, null, Map.of());

    private final StreamingAead data;
    private final String scheme;
    private final Map<String, Object> description;

    private BackupEncryption(StreamingAead data, String scheme, Map<String, Object> description) {
        this.data = data;
        this.scheme = scheme;
        this.description = description;
    }

    /** A new backup encrypted under {@code passphrase}. */
    public static BackupEncryption withPassphrase(char[] passphrase) throws GeneralSecurityException {
        requireStrong(passphrase);
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        KeysetHandle dataKey = KeysetHandle.generateNew(PredefinedStreamingAeadParameters.AES256_GCM_HKDF_1MB);
        byte[] wrapped = wrap(derived(passphrase, salt, ROUNDS), dataKey);
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("scheme", PASSPHRASE);
        description.put("rounds", ROUNDS);
        description.put("salt", Base64.getEncoder().encodeToString(salt));
        description.put("wrappedKey", Base64.getEncoder().encodeToString(wrapped));
        return new BackupEncryption(streaming(dataKey), PASSPHRASE, description);
    }

    /** A new backup that only the holder of the private key matching {@code recipient} (a public keyset, JSON) can restore. */
    public static BackupEncryption forRecipient(Path recipient) throws IOException, GeneralSecurityException {
        KeysetHandle publicKey = TinkJsonProtoKeysetFormat.parseKeysetWithoutSecret(Files.readString(recipient));
        HybridEncrypt encrypt = publicKey.getPrimitive(RegistryConfiguration.get(), HybridEncrypt.class);
        KeysetHandle dataKey = KeysetHandle.generateNew(PredefinedStreamingAeadParameters.AES256_GCM_HKDF_1MB);
        byte[] wrapped = encrypt.encrypt(TinkProtoKeysetFormat.serializeKeyset(dataKey, InsecureSecretKeyAccess.get()), CONTEXT);
        Map<String, Object> description = new LinkedHashMap<>();
        description.put("scheme", RECIPIENT);
        description.put("recipientKeyId", publicKey.getPrimary().getId());
        description.put("wrappedKey", Base64.getEncoder().encodeToString(wrapped));
        return new BackupEncryption(streaming(dataKey), RECIPIENT, description);
    }

    /** What a restore needs to open an encrypted backup: one of the two. */
    public record Opener(char[] passphrase, Path identity) {
    }

    /**
     * Opens the backup whose manifest says {@code description} ({@code null} when it is not
     * encrypted). Refuses, with a reason, a backup whose key the opener does not unwrap.
     */
    static BackupEncryption open(Map<String, Object> description, Opener opener) throws IOException, GeneralSecurityException {
        if (description == null || description.isEmpty()) {
            return NONE;
        }
        byte[] wrapped = Base64.getDecoder().decode(String.valueOf(description.get("wrappedKey")));
        String scheme = String.valueOf(description.get("scheme"));
        KeysetHandle dataKey;
        switch (scheme) {
            case PASSPHRASE -> {
                if (opener.passphrase() == null) {
                    throw new IllegalArgumentException("the backup is encrypted with a passphrase: give it with --passphrase-file FILE "
                            + "or RECOURSE_BACKUP_PASSPHRASE");
                }
                byte[] salt = Base64.getDecoder().decode(String.valueOf(description.get("salt")));
                int rounds = ((Number) description.get("rounds")).intValue();
                try {
                    dataKey = TinkProtoKeysetFormat.parseEncryptedKeyset(wrapped, derived(opener.passphrase(), salt, rounds), CONTEXT);
                } catch (GeneralSecurityException e) {
                    throw new IllegalArgumentException("the passphrase does not open this backup");
                }
            }
            case RECIPIENT -> {
                if (opener.identity() == null) {
                    throw new IllegalArgumentException("the backup is encrypted for a public key: give its private key with --identity FILE");
                }
                KeysetHandle privateKey = TinkJsonProtoKeysetFormat.parseKeyset(Files.readString(opener.identity()),
                        InsecureSecretKeyAccess.get());
                try {
                    byte[] key = privateKey.getPrimitive(RegistryConfiguration.get(), HybridDecrypt.class).decrypt(wrapped, CONTEXT);
                    dataKey = TinkProtoKeysetFormat.parseKeyset(key, InsecureSecretKeyAccess.get());
                } catch (GeneralSecurityException e) {
                    throw new IllegalArgumentException("the private key in " + opener.identity() + " does not open this backup");
                }
            }
            default -> throw new IllegalArgumentException("the backup is encrypted with " + scheme + ", which this version does not know");
        }
        return new BackupEncryption(streaming(dataKey), scheme, description);
    }

    /**
     * Writes a new key pair for encrypted backups into {@code dir}: {@code backup-recipient.json}
     * (public; give it to {@code backup --encrypt-to}) and {@code backup-identity.json} (private,
     * readable by its owner only; keep it offline, it is needed to restore).
     */
    public static void makeKeyPair(Path dir) throws IOException, GeneralSecurityException {
        Files.createDirectories(dir);
        Path identity = dir.resolve("backup-identity.json");
        Path recipient = dir.resolve("backup-recipient.json");
        if (Files.exists(identity) || Files.exists(recipient)) {
            throw new IOException(dir + " already holds a backup key pair; never overwrite one a backup may need");
        }
        KeysetHandle privateKey = KeysetHandle.generateNew(HpkeParameters.builder()
                .setKemId(HpkeParameters.KemId.DHKEM_X25519_HKDF_SHA256)
                .setKdfId(HpkeParameters.KdfId.HKDF_SHA256)
                .setAeadId(HpkeParameters.AeadId.AES_256_GCM)
                .setVariant(HpkeParameters.Variant.NO_PREFIX)
                .build());
        Files.createFile(identity, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(identity, TinkJsonProtoKeysetFormat.serializeKeyset(privateKey, InsecureSecretKeyAccess.get()));
        Files.writeString(recipient, TinkJsonProtoKeysetFormat.serializeKeysetWithoutSecret(privateKey.getPublicKeysetHandle()));
    }

    public boolean encrypted() {
        return data != null;
    }

    /** The manifest's {@code encryption} entry, or empty. */
    Map<String, Object> description() {
        return description;
    }

    String scheme() {
        return scheme;
    }

    /** Where the file at {@code path} (relative, forward slashes) in the backup is written. */
    OutputStream encrypting(OutputStream out, String path) throws IOException {
        if (data == null) {
            return out;
        }
        try {
            return data.newEncryptingStream(out, path.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot encrypt " + path, e);
        }
    }

    /** The plaintext of the file at {@code path} in the backup; reading fails if it was altered or moved. */
    InputStream decrypting(InputStream in, String path) throws IOException {
        if (data == null) {
            return in;
        }
        try {
            return data.newDecryptingStream(in, path.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot decrypt " + path, e);
        }
    }

    static void requireStrong(char[] passphrase) {
        if (passphrase == null || passphrase.length < MIN_PASSPHRASE) {
            throw new IllegalArgumentException("the backup passphrase must have at least " + MIN_PASSPHRASE + " characters");
        }
    }

    private static byte[] wrap(Aead kek, KeysetHandle dataKey) throws GeneralSecurityException {
        return TinkProtoKeysetFormat.serializeEncryptedKeyset(dataKey, kek, CONTEXT);
    }

    private static Aead derived(char[] passphrase, byte[] salt, int rounds) throws GeneralSecurityException {
        KeySpec spec = new PBEKeySpec(passphrase, salt, rounds, 256);
        byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        return new AesGcmJce(key);
    }

    private static StreamingAead streaming(KeysetHandle dataKey) throws GeneralSecurityException {
        return dataKey.getPrimitive(RegistryConfiguration.get(), StreamingAead.class);
    }
}
