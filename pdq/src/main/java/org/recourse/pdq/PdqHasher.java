package org.recourse.pdq;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.recourse.pdq.UnreadableImageException.Reason;
import org.recourse.pdq.internal.Decoded;
import org.recourse.pdq.internal.FileDigests;
import org.recourse.pdq.internal.FileProblems;
import org.recourse.pdq.internal.ImageDecoding;
import org.recourse.pdq.internal.LumaExtraction;
import org.recourse.pdq.internal.PdqAlgorithm;

/**
 * Hashes image files with PDQ. Reads JPEG, PNG, GIF (first frame), BMP, WebP and TIFF through
 * ImageIO with the TwelveMonkeys plugins. Thread-safe; one instance can serve all threads.
 *
 * <pre>{@code
 * PdqHasher hasher = new PdqHasher();
 * HashResult result = hasher.hash(Path.of("photo.jpg"));
 * result.pdq().hex();   // 64 hex digits
 * result.quality();     // 0..100
 * }</pre>
 */
public final class PdqHasher {

    private final PdqSettings settings;

    public PdqHasher() {
        this(PdqSettings.defaults());
    }

    public PdqHasher(PdqSettings settings) {
        this.settings = settings;
    }

    public PdqSettings settings() {
        return settings;
    }

    public HashResult hash(Path file) throws UnreadableImageException {
        return hash(read(file));
    }

    public HashResult hash(byte[] bytes) throws UnreadableImageException {
        PdqHash pdq = PdqAlgorithm.hash(LumaExtraction.of(decode(bytes)));
        return new HashResult(pdq, FileDigests.md5(bytes), FileDigests.sha256(bytes), Map.of());
    }

    /** Like {@link #hash(Path)}, plus the hashes of the image rotated and mirrored. */
    public HashResult hashAllOrientations(Path file) throws UnreadableImageException {
        return hashAllOrientations(read(file));
    }

    public HashResult hashAllOrientations(byte[] bytes) throws UnreadableImageException {
        Map<Orientation, PdqHash> hashes = PdqAlgorithm.allOrientations(LumaExtraction.of(decode(bytes)));
        Map<Orientation, Hash256> bits = new EnumMap<>(Orientation.class);
        hashes.forEach((orientation, hash) -> bits.put(orientation, hash.bits()));
        return new HashResult(hashes.get(Orientation.ORIGINAL), FileDigests.md5(bytes), FileDigests.sha256(bytes), bits);
    }

    private Decoded decode(byte[] bytes) throws UnreadableImageException {
        if (bytes.length == 0) {
            throw new UnreadableImageException(Reason.CORRUPT, "the file is empty");
        }
        return ImageDecoding.decode(bytes, settings);
    }

    private static byte[] read(Path file) throws UnreadableImageException {
        try {
            return Files.readAllBytes(file);
        } catch (IOException | OutOfMemoryError e) {
            throw new UnreadableImageException(Reason.IO_ERROR, "cannot read " + file + ": " + FileProblems.why(file, e), e);
        }
    }
}
