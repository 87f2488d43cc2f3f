package org.recourse.matching.internal.bank;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.recourse.audit.AuditTrail;
import org.recourse.evidence.EvidenceVault;
import org.recourse.intake.CaseView;
import org.recourse.intake.Cases;
import org.recourse.matching.HashBanks;
import org.recourse.matching.Signal;
import org.recourse.matching.SignalType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Adds signals to the banks and takes them out, appending every change to the change log. */
@Service
class BankingHashes implements HashBanks {

    private static final String ALL_ZERO_PDQ = "0".repeat(64);

    private final JdbcClient jdbc;
    private final Banks banks;
    private final ChangeLog log;
    private final Cases cases;
    private final EvidenceVault vault;
    private final AuditTrail audit;
    private final Clock clock;

    BankingHashes(JdbcClient jdbc, Banks banks, ChangeLog log, Cases cases, EvidenceVault vault, AuditTrail audit,
                  Clock clock) {
        this.jdbc = jdbc;
        this.banks = banks;
        this.log = log;
        this.cases = cases;
        this.vault = vault;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public long activeEntries(UUID caseId) {
        return jdbc.sql("select count(*) from match_entry where case_id = ? and status = 'ACTIVE'").param(caseId).query(Long.class).single();
    }

    @Override
    @Transactional
    public BankingResult bank(NewEntries entries) {
        List<Long> ids = new ArrayList<>();
        List<Refusal> refused = new ArrayList<>();
        Optional<Bank> bank = banks.byName(entries.bank());
        Optional<RefusalReason> refuseAll = bank.isEmpty() ? Optional.of(RefusalReason.UNKNOWN_BANK) : caseRefusal(entries.caseId());
        Instant now = clock.instant();
        List<ChangeLog.Appended> changes = new ArrayList<>();
        for (int i = 0; i < entries.signals().size(); i++) {
            NewSignal candidate = entries.signals().get(i);
            Optional<RefusalReason> reason = refuseAll.or(() -> check(candidate));
            if (reason.isPresent()) {
                refused.add(new Refusal(i, reason.get()));
                ids.add(null);
                continue;
            }
            Signal signal = ((Signal.Valid) Signal.parse(candidate.type(), candidate.hex())).signal();
            // Already active for the same case or source (a repeat, or a concurrent request): its entry is returned.
            Optional<Long> inserted = jdbc.sql("""
                            insert into match_entry (bank_id, signal_type, signal, quality, source, source_name, case_id,
                                evidence_id, status, added_at)
                            values (?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE', ?)
                            on conflict (bank_id, signal_type, signal, coalesce(case_id, '00000000-0000-0000-0000-000000000000'::uuid),
                                coalesce(source_name, '')) where status = 'ACTIVE' do nothing
                            returning id""")
                    .params(bank.get().id(), signal.type().name(), signal.hex(),
                            signal.type() == SignalType.PDQ ? candidate.quality() : null, entries.source().name(),
                            entries.sourceName(), entries.caseId(), entries.evidenceId(), Timestamp.from(now))
                    .query(Long.class).optional();
            if (inserted.isEmpty()) {
                ids.add(existing(bank.get(), signal, entries).orElseThrow());
                continue;
            }
            long id = inserted.get();
            ids.add(id);
            changes.add(new ChangeLog.Appended(id, bank.get().id(), signal.type(), ChangeLog.Op.ADD));
        }
        if (!changes.isEmpty() || !refused.isEmpty()) {
            audit.record("match-entry.banked", entries.caseId() == null ? "match_bank" : "case",
                    entries.caseId() == null ? bank.map(b -> b.id().toString()).orElse(null) : entries.caseId().toString(),
                    "bank=" + entries.bank() + " source=" + entries.source() + " added=" + changes.size()
                            + " refused=" + refused.size());
        }
        log.append(changes, now);
        return new BankingResult(ids, refused);
    }

    @Override
    public Optional<RefusalReason> caseRefusal(UUID caseId) {
        if (caseId == null) {
            return Optional.empty();
        }
        CaseView found = cases.find(caseId).orElseThrow(() -> new IllegalArgumentException("no such case"));
        if (found.childAbuseRoute() || vault.isSealed(caseId)) {
            return Optional.of(RefusalReason.CHILD_ABUSE_ROUTE);
        }
        return found.status().isOpen() ? Optional.empty() : Optional.of(RefusalReason.CASE_CLOSED);
    }

    /** Why this one signal cannot be banked, if it cannot. */
    static Optional<RefusalReason> check(NewSignal candidate) {
        if (candidate.type() == null) {
            return Optional.of(RefusalReason.MALFORMED_HEX);
        }
        if (Signal.parse(candidate.type(), candidate.hex()) instanceof Signal.Invalid invalid) {
            return Optional.of(invalid.problem() == Signal.Problem.WRONG_LENGTH
                    ? RefusalReason.WRONG_LENGTH : RefusalReason.MALFORMED_HEX);
        }
        if (candidate.type() == SignalType.PDQ && candidate.quality() != null
                && (candidate.quality() < 0 || candidate.quality() > 100)) {
            return Optional.of(RefusalReason.INVALID_QUALITY);
        }
        if (candidate.type() == SignalType.PDQ && (Integer.valueOf(0).equals(candidate.quality())
                || ALL_ZERO_PDQ.equals(candidate.hex().strip()))) {
            return Optional.of(RefusalReason.QUALITY_ZERO);
        }
        return Optional.empty();
    }

    private Optional<Long> existing(Bank bank, Signal signal, NewEntries entries) {
        return jdbc.sql("""
                        select id from match_entry
                        where bank_id = ? and signal_type = ? and signal = ? and status = 'ACTIVE'
                          and case_id is not distinct from ? and source_name is not distinct from ?
                        order by id limit 1""")
                .params(bank.id(), signal.type().name(), signal.hex(), entries.caseId(), entries.sourceName())
                .query(Long.class).optional();
    }

    @Override
    @Transactional
    public int removeForCase(UUID caseId, RemovalReason reason) {
        List<ChangeLog.Appended> removed = jdbc.sql("""
                        update match_entry set status = 'WITHDRAWN', removed_at = ?, removal_reason = ?, signal = null,
                            case_id = null, evidence_id = null
                        where case_id = ? and status = 'ACTIVE'
                        returning id, bank_id, signal_type""")
                .params(Timestamp.from(clock.instant()), reason.name(), caseId)
                .query((rs, n) -> new ChangeLog.Appended(rs.getLong("id"), rs.getObject("bank_id", UUID.class),
                        SignalType.valueOf(rs.getString("signal_type")), ChangeLog.Op.REMOVE))
                .list();
        // Possible re-uploads of her images are not looked into any more.
        jdbc.sql("delete from match_finding where original_case_id = ? or capture_case_id = ?").params(caseId, caseId).update();
        jdbc.sql("delete from match_captured_image where case_id = ?").param(caseId).update();
        // Entries already out keep no link to the case either.
        jdbc.sql("update match_entry set case_id = null, evidence_id = null, signal = null where case_id = ?")
                .param(caseId).update();
        if (!removed.isEmpty()) {
            audit.record("match-entry.removed", "case", caseId.toString(), "reason=" + reason + " entries=" + removed.size());
        }
        log.append(removed, clock.instant());
        return removed.size();
    }

    @Override
    @Transactional
    public boolean disable(long entryId) {
        Optional<ChangeLog.Appended> disabled = jdbc.sql("""
                        update match_entry set status = 'DISABLED', removed_at = ?, removal_reason = 'DISABLED_BY_STAFF'
                        where id = ? and status = 'ACTIVE'
                        returning id, bank_id, signal_type""")
                .params(Timestamp.from(clock.instant()), entryId)
                .query((rs, n) -> new ChangeLog.Appended(rs.getLong("id"), rs.getObject("bank_id", UUID.class),
                        SignalType.valueOf(rs.getString("signal_type")), ChangeLog.Op.REMOVE))
                .optional();
        disabled.ifPresent(d -> {
            audit.record("match-entry.disabled", "match_entry", Long.toString(entryId), null);
            log.append(List.of(d), clock.instant());
        });
        return disabled.isPresent();
    }
}
