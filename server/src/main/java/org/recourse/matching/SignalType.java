package org.recourse.matching;

import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of signal a bank holds. {@code wireName} is what the match API and the exchange
 * formats call it (HMA's names: {@code pdq}; MD5 of a file is HMA's {@code video_md5}, also
 * accepted as {@code md5}).
 */
public enum SignalType {
    PDQ("pdq", 64),
    MD5("md5", 32),
    SHA256("sha256", 64);

    private final String wireName;
    private final int hexLength;

    SignalType(String wireName, int hexLength) {
        this.wireName = wireName;
        this.hexLength = hexLength;
    }

    public String wireName() {
        return wireName;
    }

    /** Hex digits in a signal of this type. */
    public int hexLength() {
        return hexLength;
    }

    /** The type a client named, case-insensitively; {@code video_md5} and {@code sha-256} too. */
    public static Optional<SignalType> fromWireName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        return switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "pdq" -> Optional.of(PDQ);
            case "md5", "video_md5" -> Optional.of(MD5);
            case "sha256", "sha-256" -> Optional.of(SHA256);
            default -> Optional.empty();
        };
    }
}
