package org.recourse.matching.internal.victim;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import org.recourse.matching.EntrySource;
import org.recourse.matching.HashBanks;
import org.recourse.matching.SignalType;
import org.springframework.stereotype.Service;

/**
 * Banks the hashes a victim computed on her own device for her case: per image a PDQ hash with its
 * quality and the file's MD5. Only hashes arrive here, never an image. What cannot be banked is
 * named per image (a blank image's PDQ, a malformed value); a repeated submission adds nothing twice.
 */
@Service
class BankingVictimHashes {

    static final int MAX_IMAGES = 20;
    private static final Pattern PDQ = Pattern.compile("[0-9a-f]{64}:(100|[1-9]?[0-9])");
    private static final Pattern MD5 = Pattern.compile("[0-9a-f]{32}");

    /** One image's hashes as the page sends them: {@code pdq} as {@code hex:quality}, {@code md5} as hex. */
    record ImageHashes(String pdq, String md5) {
    }

    /**
     * @param banked  images whose hashes are now in the bank (newly or already)
     * @param blank   images that were too plain to recognise (PDQ quality 0); their MD5 is still banked
     * @param invalid images whose values were not hashes at all
     */
    record Outcome(int banked, int blank, int invalid, boolean caseClosed) implements java.io.Serializable {
    }

    private final HashBanks banks;

    BankingVictimHashes(HashBanks banks) {
        this.banks = banks;
    }

    /** Empty list or more than {@link #MAX_IMAGES}: refused before anything is banked (the caller says so). */
    static boolean acceptableCount(List<ImageHashes> images) {
        return !images.isEmpty() && images.size() <= MAX_IMAGES;
    }

    /** How many images carry values that are not hashes at all (the page never sends such values). */
    static int malformed(List<ImageHashes> images) {
        return (int) images.stream().filter(image -> !PDQ.matcher(normalised(image.pdq())).matches()
                || !MD5.matcher(normalised(image.md5())).matches()).count();
    }

    private static String normalised(String value) {
        return value == null ? "" : value.strip().toLowerCase(java.util.Locale.ROOT);
    }

    Outcome bank(UUID caseId, List<ImageHashes> images) {
        List<HashBanks.NewSignal> signals = new ArrayList<>();
        List<Integer> imageOfSignal = new ArrayList<>();
        java.util.Set<Integer> invalid = new java.util.TreeSet<>();
        for (int i = 0; i < images.size(); i++) {
            ImageHashes image = images.get(i);
            String pdq = normalised(image.pdq());
            String md5 = normalised(image.md5());
            if (!PDQ.matcher(pdq).matches() || !MD5.matcher(md5).matches()) {
                invalid.add(i);
                continue;
            }
            String[] parts = pdq.split(":");
            signals.add(new HashBanks.NewSignal(SignalType.PDQ, parts[0], Integer.parseInt(parts[1])));
            imageOfSignal.add(i);
            signals.add(new HashBanks.NewSignal(SignalType.MD5, md5, null));
            imageOfSignal.add(i);
        }
        if (signals.isEmpty()) {
            return new Outcome(0, 0, invalid.size(), false);
        }
        HashBanks.BankingResult result = banks.bank(new HashBanks.NewEntries(HashBanks.DEFAULT_BANK, EntrySource.VICTIM, null, caseId,
                null, signals));
        boolean closed = result.refused().stream().anyMatch(r -> r.reason() == HashBanks.RefusalReason.CASE_CLOSED
                || r.reason() == HashBanks.RefusalReason.CHILD_ABUSE_ROUTE);
        java.util.Set<Integer> bankedImages = new java.util.TreeSet<>();
        java.util.Set<Integer> blankImages = new java.util.TreeSet<>();
        for (int s = 0; s < signals.size(); s++) {
            Long id = result.entryIds().get(s);
            if (id != null) {
                bankedImages.add(imageOfSignal.get(s));
            }
        }
        for (HashBanks.Refusal refusal : result.refused()) {
            if (refusal.reason() == HashBanks.RefusalReason.QUALITY_ZERO) {
                blankImages.add(imageOfSignal.get(refusal.position()));
            } else if (refusal.reason() == HashBanks.RefusalReason.MALFORMED_HEX || refusal.reason() == HashBanks.RefusalReason.WRONG_LENGTH
                    || refusal.reason() == HashBanks.RefusalReason.INVALID_QUALITY) {
                invalid.add(imageOfSignal.get(refusal.position()));
            }
        }
        return new Outcome(bankedImages.size(), blankImages.size(), invalid.size(), closed);
    }
}
