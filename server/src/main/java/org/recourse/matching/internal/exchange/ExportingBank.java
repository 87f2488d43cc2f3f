package org.recourse.matching.internal.exchange;

import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.recourse.audit.AuditTrail;
import org.recourse.matching.SignalType;
import org.recourse.matching.internal.bank.Bank;
import org.recourse.matching.internal.bank.Banks;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a bank's active entries in an exchange format. Entries are named by their opaque id,
 * never by a case. Signals a format cannot carry (SHA-256 in {@code stopncii}, anything but PDQ in
 * {@code pdq}) are left out and counted. Audited.
 */
@Service
class ExportingBank {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Result(int written, int leftOut) {
    }

    private final JdbcClient jdbc;
    private final Banks banks;
    private final AuditTrail audit;

    ExportingBank(JdbcClient jdbc, Banks banks, AuditTrail audit) {
        this.jdbc = jdbc;
        this.banks = banks;
        this.audit = audit;
    }

    /** Empty if there is no such bank. */
    @Transactional
    public Optional<Result> run(String bankName, ExchangeFormat format, Writer out) throws IOException {
        Optional<Bank> bank = banks.byName(bankName);
        if (bank.isEmpty()) {
            return Optional.empty();
        }
        int[] counts = {0, 0};
        boolean[] first = {true};
        if (format == ExchangeFormat.STOPNCII) {
            out.write("[\n");
        }
        IOException[] failed = {null};
        jdbc.sql("select id, signal_type, signal, added_at from match_entry where bank_id = ? and status = 'ACTIVE' order by id")
                .param(bank.get().id())
                .query(rs -> {
                    if (failed[0] != null) {
                        return;
                    }
                    SignalType type = SignalType.valueOf(rs.getString("signal_type"));
                    String line = line(format, rs.getLong("id"), type, rs.getString("signal"),
                            rs.getTimestamp("added_at").toInstant().getEpochSecond(), first[0]);
                    if (line == null) {
                        counts[1]++;
                        return;
                    }
                    try {
                        out.write(line);
                    } catch (IOException e) {
                        failed[0] = e;
                    }
                    first[0] = false;
                    counts[0]++;
                });
        if (failed[0] != null) {
            throw failed[0];
        }
        if (format == ExchangeFormat.STOPNCII) {
            out.write("\n]\n");
        }
        out.flush();
        audit.record("match-bank.exported", "match_bank", bank.get().id().toString(),
                "format=" + format.option() + " entries=" + counts[0]);
        return Optional.of(new Result(counts[0], counts[1]));
    }

    private static String line(ExchangeFormat format, long id, SignalType type, String hex, long modified, boolean first) {
        return switch (format) {
            case PDQ -> type == SignalType.PDQ ? hex + "\n" : null;
            case TE -> type.wireName() + " " + hex + "\n";
            case STOPNCII -> {
                if (type == SignalType.SHA256) {
                    yield null;
                }
                Map<String, Object> record = new LinkedHashMap<>();
                record.put("signalType", type == SignalType.PDQ ? "ImagePDQ" : "VideoMD5");
                record.put("hashValue", hex);
                record.put("hashStatus", "Active");
                record.put("lastModtimestamp", modified);
                record.put("caseNumbers", Map.of(Long.toString(id), "Active"));
                yield (first ? "  " : ",\n  ") + JSON.writeValueAsString(record);
            }
        };
    }
}
