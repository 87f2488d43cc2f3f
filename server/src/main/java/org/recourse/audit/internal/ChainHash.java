package org.recourse.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

import org.recourse.audit.AuditEntry;

/**
 * The hash that links an entry to its predecessor: SHA-256 over the previous hash, the entry's
 * sequence number and every field it records, each length-prefixed so no two different entries
 * can serialise to the same bytes.
 */
final class ChainHash {

    private ChainHash() {
    }

    static String of(String previousHash, long seq, AuditEntry e) {
        StringBuilder canonical = new StringBuilder();
        append(canonical, previousHash);
        append(canonical, Long.toString(seq));
        append(canonical, Long.toString(e.id()));
        append(canonical, Long.toString(ChronoUnit.MICROS.between(java.time.Instant.EPOCH, e.occurredAt())));
        append(canonical, e.actor());
        append(canonical, e.action());
        append(canonical, e.objectType());
        append(canonical, e.objectId());
        append(canonical, e.detail());
        append(canonical, e.origin());
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e1) {
            throw new IllegalStateException(e1);
        }
    }

    private static void append(StringBuilder out, String field) {
        if (field == null) {
            out.append("-1:");
        } else {
            out.append(field.length()).append(':').append(field);
        }
        out.append('|');
    }
}
