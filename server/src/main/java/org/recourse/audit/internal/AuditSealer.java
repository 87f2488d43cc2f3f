package org.recourse.audit.internal;

import java.util.List;

import org.recourse.audit.AuditEntry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Links committed entries into the hash chain, in the order it finds them in the queue of unsealed
 * entries. The chain head row is locked for the batch, so sealers on several nodes take turns
 * instead of forking the chain.
 */
@Component
class AuditSealer {

    private static final int BATCH = 1000;
    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final TransactionTemplate transactions;

    AuditSealer(JdbcClient jdbc, JdbcTemplate batch, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.transactions = transactions;
    }

    /**
     * Every second under load; when nothing waits, one short query outside a transaction instead
     * of a transaction that locks the chain head (four round trips), so an idle server costs
     * PostgreSQL next to nothing.
     */
    @Scheduled(fixedDelayString = "${recourse.audit.seal-interval}", initialDelayString = "${recourse.audit.seal-interval}")
    void sealPeriodically() {
        if (Boolean.TRUE.equals(jdbc.sql("select exists (select 1 from audit_unsealed)").query(Boolean.class).single())) {
            sealAll();
        }
    }

    /** Seals until nothing is left; returns how many entries were sealed. */
    int sealAll() {
        int total = 0;
        int sealed;
        do {
            Integer batch = transactions.execute(status -> sealBatch());
            sealed = batch == null ? 0 : batch;
            total += sealed;
        } while (sealed == BATCH);
        return total;
    }

    private int sealBatch() {
        record Head(long lastSeq, String lastHash) {
        }
        Head head = jdbc.sql("select last_seq, last_hash from audit_chain_head where id = 1 for update")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2)))
                .single();
        // The queue alone first: as one join the planner tends to run it in parallel workers, whose
        // start-up costs more than the work.
        List<Long> queued = jdbc.sql("select entry_id from audit_unsealed order by entry_id limit ?")
                .param(BATCH)
                .query(Long.class)
                .list();
        if (queued.isEmpty()) {
            return 0;
        }
        // From audit_log alone, not the audit_entry view: queued entries have no seal, and the view's
        // join to audit_seal let the planner hash-join all seals, in parallel workers, every second
        // (seen as multi-second intake stalls once audit_seal had grown).
        List<AuditEntry> pending = jdbc.sql("""
                        select *, null::bigint as seq, null::text as hash from audit_log
                        where id = any(?::bigint[]) order by id""")
                .param(queued.toArray(Long[]::new))
                .query(JdbcAuditTrail::entry)
                .list();
        if (pending.isEmpty()) {
            return 0;
        }
        long seq = head.lastSeq();
        String hash = head.lastHash();
        int n = pending.size();
        Long[] ids = new Long[n], seqs = new Long[n];
        String[] previous = new String[n], hashes = new String[n];
        for (int i = 0; i < n; i++) {
            AuditEntry entry = pending.get(i);
            seq++;
            String next = ChainHash.of(hash, seq, entry);
            ids[i] = entry.id();
            seqs[i] = seq;
            previous[i] = hash;
            hashes[i] = next;
            hash = next;
        }
        // One statement per table for the batch: at a thousand reports a second there are thousands
        // of entries to seal. Seals are inserted, never written into the entries, so audit_log stays
        // insert-only; an entry sealed twice would break the unique entry_id and roll the batch back.
        batch.update("""
                insert into audit_seal (seq, entry_id, prev_hash, hash)
                select * from unnest(?::bigint[], ?::bigint[], ?::text[], ?::text[])""", seqs, ids, previous, hashes);
        batch.update("delete from audit_unsealed where entry_id = any(?::bigint[])", (Object) ids);
        jdbc.sql("update audit_chain_head set last_seq = ?, last_hash = ? where id = 1").params(seq, hash).update();
        return n;
    }
}
