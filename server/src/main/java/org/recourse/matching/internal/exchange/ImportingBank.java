package org.recourse.matching.internal.exchange;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

import org.recourse.matching.EntrySource;
import org.recourse.matching.HashBanks;
import org.recourse.matching.internal.bank.Banks;
import org.springframework.stereotype.Service;

/**
 * Imports an exchange file into a bank (created if it does not exist), a thousand signals per
 * transaction. Entries keep their source: {@code IMPORT}, with the partner's name. Every signal is
 * checked as any other (hex, length, quality 0); what is refused is named with its line.
 */
@Service
class ImportingBank {

    private static final int CHUNK = 1000;

    record Problem(int line, String reason) {
    }

    record Result(int banked, List<Problem> problems) {
    }

    private final HashBanks banks;
    private final Banks bankTable;

    ImportingBank(HashBanks banks, Banks bankTable) {
        this.banks = banks;
        this.bankTable = bankTable;
    }

    Result run(String bank, ExchangeFormat format, Reader in, String sourceName) throws IOException {
        bankTable.findOrCreate(bank, "Imported (" + format.option() + ")");
        List<Problem> problems = new ArrayList<>();
        List<ExchangeRecord> chunk = new ArrayList<>(CHUNK);
        int[] banked = {0};
        ExchangeReader.read(format, in, record -> {
            if (record.unreadable() != null) {
                problems.add(new Problem(record.line(), record.unreadable()));
                return;
            }
            chunk.add(record);
            if (chunk.size() == CHUNK) {
                banked[0] += bank(bank, sourceName, chunk, problems);
                chunk.clear();
            }
        });
        banked[0] += bank(bank, sourceName, chunk, problems);
        problems.sort(java.util.Comparator.comparingInt(Problem::line));
        return new Result(banked[0], problems);
    }

    private int bank(String bank, String sourceName, List<ExchangeRecord> records, List<Problem> problems) {
        if (records.isEmpty()) {
            return 0;
        }
        HashBanks.BankingResult result = banks.bank(new HashBanks.NewEntries(bank, EntrySource.IMPORT, sourceName, null, null,
                records.stream().map(r -> new HashBanks.NewSignal(r.type(), r.hex(), null)).toList()));
        for (HashBanks.Refusal refusal : result.refused()) {
            problems.add(new Problem(records.get(refusal.position()).line(), words(refusal.reason())));
        }
        return (int) result.entryIds().stream().filter(java.util.Objects::nonNull).count();
    }

    static String words(HashBanks.RefusalReason reason) {
        return switch (reason) {
            case MALFORMED_HEX -> "not hexadecimal";
            case WRONG_LENGTH -> "wrong length for its signal type";
            case QUALITY_ZERO -> "PDQ quality 0 (a blank image): it would match unrelated images";
            case INVALID_QUALITY -> "PDQ quality outside 0-100";
            case CHILD_ABUSE_ROUTE -> "belongs to a case on the child-abuse route";
            case CASE_CLOSED -> "its case is closed";
            case UNKNOWN_BANK -> "no such bank";
        };
    }
}
