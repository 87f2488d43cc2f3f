package org.recourse.matching.internal.index;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.recourse.matching.SignalType;
import org.recourse.matching.internal.bank.Bank;
import org.recourse.matching.internal.bank.Banks;
import org.recourse.matching.internal.bank.ChangeLog;
import org.recourse.pdq.Hash256;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Builds the index from the database in one consistent snapshot: the change log's newest
 * sequence and every active entry as of that same moment, streamed, PDQ hashes loaded in bulk.
 */
@Component
class IndexLoader {

    private final JdbcTemplate jdbc;
    private final Banks banks;
    private final ChangeLog log;
    private final TransactionTemplate snapshot;

    IndexLoader(DataSource dataSource, Banks banks, ChangeLog log, PlatformTransactionManager transactions) {
        // Its own template: rows are streamed in pages of this many rather than read whole.
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(10_000);
        this.banks = banks;
        this.log = log;
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshot.setReadOnly(true);
    }

    /** PDQ hashes of one bank, gathered before they go into its index in one go. */
    private static final class PdqBatch {
        long[] ids = new long[1024];
        long[] words = new long[4096];
        int size;

        void add(long id, Hash256 hash) {
            if (size == ids.length) {
                ids = Arrays.copyOf(ids, size * 2);
                words = Arrays.copyOf(words, size * 8);
            }
            ids[size] = id;
            words[4 * size] = hash.w0();
            words[4 * size + 1] = hash.w1();
            words[4 * size + 2] = hash.w2();
            words[4 * size + 3] = hash.w3();
            size++;
        }
    }

    void load(MatchIndex index) {
        snapshot.executeWithoutResult(status -> {
            long sequence = log.latest();
            Instant builtTo = jdbc.query("select changed_at from match_change where seq = ?",
                    rs -> rs.next() ? rs.getTimestamp(1).toInstant() : null, sequence);
            List<Bank> all = banks.all();
            all.forEach(index::bank);
            Map<UUID, PdqBatch> pdq = new HashMap<>();
            jdbc.query("select id, bank_id, signal_type, signal from match_entry where status = 'ACTIVE'", rs -> {
                UUID bankId = rs.getObject(2, UUID.class);
                SignalType type = SignalType.valueOf(rs.getString(3));
                if (type == SignalType.PDQ) {
                    pdq.computeIfAbsent(bankId, id -> new PdqBatch()).add(rs.getLong(1), Hash256.fromHex(rs.getString(4)));
                } else {
                    index.bank(bankId).add(rs.getLong(1), type, rs.getString(4));
                }
            });
            pdq.forEach((bankId, batch) -> index.bank(bankId)
                    .addPdq(Arrays.copyOf(batch.ids, batch.size), Arrays.copyOf(batch.words, 4 * batch.size)));
            index.applied(sequence, builtTo);
        });
    }
}
