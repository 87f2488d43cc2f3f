package org.recourse.matching.internal.bank;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.recourse.matching.SignalType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The bank's change log, which every node's index and every partner's feed follow by sequence.
 * Appending takes one transaction-scoped advisory lock, held until commit: writers commit one
 * after another in sequence order, so a reader that has seen sequence n has seen everything
 * below n that will ever commit (ADR 0010).
 */
@Repository
public class ChangeLog {

    /** Arbitrary, fixed: the advisory lock of the match change log. */
    private static final long LOCK = 0x6d61746368L;

    public enum Op { ADD, REMOVE }

    /**
     * One change, with the entry's signal as it is now (null once the entry left the banks).
     *
     * @param active whether the entry is still active now
     */
    public record Change(long seq, long entryId, UUID bankId, SignalType signalType, Op op, String signal, boolean active,
                         Instant changedAt) {
    }

    public record Appended(long entryId, UUID bankId, SignalType signalType, Op op) {
    }

    private final JdbcClient jdbc;

    ChangeLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Appends in order; call it last in the transaction, to hold the lock briefly. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void append(List<Appended> changes, Instant at) {
        if (changes.isEmpty()) {
            return;
        }
        jdbc.sql("select pg_advisory_xact_lock(?)").param(LOCK).query().singleRow();
        Timestamp time = Timestamp.from(at);
        for (Appended change : changes) {
            jdbc.sql("insert into match_change (entry_id, bank_id, signal_type, op, changed_at) values (?, ?, ?, ?, ?)")
                    .params(change.entryId(), change.bankId(), change.signalType().name(), change.op().name(), time)
                    .update();
        }
    }

    /** Changes after {@code seq}, oldest first, at most {@code limit}. */
    public List<Change> after(long seq, int limit) {
        return jdbc.sql("""
                        select c.seq, c.entry_id, c.bank_id, c.signal_type, c.op, c.changed_at, e.signal, e.status
                        from match_change c join match_entry e on e.id = c.entry_id
                        where c.seq > ? order by c.seq limit ?""")
                .params(seq, limit)
                .query((rs, n) -> new Change(rs.getLong("seq"), rs.getLong("entry_id"), rs.getObject("bank_id", UUID.class),
                        SignalType.valueOf(rs.getString("signal_type")), Op.valueOf(rs.getString("op")),
                        rs.getString("signal"), "ACTIVE".equals(rs.getString("status")),
                        rs.getTimestamp("changed_at").toInstant()))
                .list();
    }

    /** The newest sequence committed, 0 when the log is empty. */
    public long latest() {
        return jdbc.sql("select coalesce(max(seq), 0) from match_change").query(Long.class).single();
    }
}
