package org.recourse.audit.internal;

import java.util.List;
import java.util.Optional;

import org.recourse.audit.AuditEntry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Recomputes the hash chain from the first entry and names the first entry that does not fit:
 * changed content, a changed or missing link, or a gap where an entry was removed.
 */
@Component
public class AuditVerifier {

    private static final int PAGE = 5000;
    private static final String GENESIS = "0".repeat(64);
    private final JdbcClient jdbc;
    private final AuditSealer sealer;

    AuditVerifier(JdbcClient jdbc, AuditSealer sealer) {
        this.jdbc = jdbc;
        this.sealer = sealer;
    }

    public record Result(long checked, Optional<Break> firstBreak, String headHash) {
        public boolean intact() {
            return firstBreak.isEmpty();
        }
    }

    /**
     * {@code reason}: missing, link, altered, truncated or unsealed (message key
     * {@code audit.verify.reason.*}).
     */
    public record Break(long entryId, long seq, String reason) {

        String describe() {
            return switch (reason) {
                case "missing" -> "an entry of the chain is missing (removed)";
                case "link" -> "its link to the previous entry was changed";
                case "altered" -> "its content no longer matches its hash (altered)";
                case "unsealed" -> "it was taken off the sealing queue and never sealed";
                default -> "the newest entries were removed";
            };
        }
    }

    /**
     * An entry that is neither sealed nor waiting to be: the application role may delete from the
     * sealer's queue (the sealer must), so the chain alone would not show an entry taken off it.
     * One statement, one snapshot: an entry leaves the queue in the transaction that seals it.
     */
    private Optional<Long> neverSealed() {
        return jdbc.sql("""
                        select a.id from audit_log a
                        where not exists (select 1 from audit_seal s where s.entry_id = a.id)
                          and not exists (select 1 from audit_unsealed u where u.entry_id = a.id)
                        order by a.id limit 1""")
                .query(Long.class).optional();
    }

    private record Sealed(AuditEntry entry, String prevHash) {
    }

    /** Seals what is pending first, so that every committed entry is covered. */
    Result verify() {
        sealer.sealAll();
        long expectedSeq = 1;
        String previous = GENESIS;
        long checked = 0;
        while (true) {
            List<Sealed> page = jdbc.sql("select * from audit_entry where seq >= ? order by seq limit ?")
                    .params(expectedSeq, PAGE)
                    .query((rs, n) -> new Sealed(JdbcAuditTrail.entry(rs, n), rs.getString("prev_hash")))
                    .list();
            if (page.isEmpty()) {
                break;
            }
            for (Sealed sealed : page) {
                AuditEntry entry = sealed.entry();
                if (entry.seq() != expectedSeq) {
                    return new Result(checked, Optional.of(new Break(entry.id(), expectedSeq,
                            "missing")), null);
                }
                if (!previous.equals(sealed.prevHash())) {
                    return new Result(checked, Optional.of(new Break(entry.id(), entry.seq(),
                            "link")), null);
                }
                String recomputed = ChainHash.of(previous, entry.seq(), entry);
                if (!recomputed.equals(entry.hash())) {
                    return new Result(checked, Optional.of(new Break(entry.id(), entry.seq(),
                            "altered")), null);
                }
                previous = entry.hash();
                expectedSeq++;
                checked++;
            }
        }
        record Head(long lastSeq, String lastHash) {
        }
        Head head = jdbc.sql("select last_seq, last_hash from audit_chain_head where id = 1")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2))).single();
        if (head.lastSeq() != expectedSeq - 1 || !head.lastHash().equals(previous)) {
            return new Result(checked, Optional.of(new Break(-1, head.lastSeq(),
                    "truncated")), null);
        }
        Optional<Long> neverSealed = neverSealed();
        if (neverSealed.isPresent()) {
            return new Result(checked, Optional.of(new Break(neverSealed.get(), -1, "unsealed")), null);
        }
        return new Result(checked, Optional.empty(), previous);
    }
}
