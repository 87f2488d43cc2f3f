package org.recourse.pdq.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** MD5 and SHA-256 of the exact bytes, for the exact-copy hash lists hotlines also exchange. */
public final class FileDigests {

    private FileDigests() {}

    public static String md5(byte[] bytes) {
        return hex("MD5", bytes);
    }

    public static String sha256(byte[] bytes) {
        return hex("SHA-256", bytes);
    }

    private static String hex(String algorithm, byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides " + algorithm, e);
        }
    }
}
