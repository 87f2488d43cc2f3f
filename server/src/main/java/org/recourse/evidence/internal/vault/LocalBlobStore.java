package org.recourse.evidence.internal.vault;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.nio.file.attribute.PosixFilePermission;

/**
 * Ciphertext in a directory tree, {@code ab/<key>}. A write goes to a hidden partial file in
 * the same directory and is moved into place when complete, so a crash leaves no half object
 * under a real key.
 */
public final class LocalBlobStore implements BlobStore {

    private static final FileAttribute<Set<PosixFilePermission>> PRIVATE_DIR =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));
    private static final FileAttribute<Set<PosixFilePermission>> PRIVATE_FILE =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

    private final Path root;

    public LocalBlobStore(Path root) {
        this.root = root;
    }

    @Override
    public void put(String key, Writer writer) throws IOException {
        Path target = path(key);
        Files.createDirectories(target.getParent(), PRIVATE_DIR);
        Path partial = Files.createTempFile(target.getParent(), ".partial-", "", PRIVATE_FILE);
        try {
            try (OutputStream out = Files.newOutputStream(partial)) {
                writer.writeTo(out);
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    @Override
    public InputStream get(String key) throws IOException {
        return Files.newInputStream(path(key));
    }

    @Override
    public void delete(String key) throws IOException {
        Files.deleteIfExists(path(key));
    }

    private Path path(String key) {
        if (!key.matches("[a-z0-9-]{8,64}")) {
            throw new IllegalArgumentException("not a blob key: " + key);
        }
        return root.resolve(key.substring(0, 2)).resolve(key);
    }
}
