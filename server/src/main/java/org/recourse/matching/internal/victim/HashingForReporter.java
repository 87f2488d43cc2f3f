package org.recourse.matching.internal.victim;

import java.util.Optional;
import java.util.UUID;

import org.recourse.matching.HashBanks;
import org.recourse.platform.StatusPageSection;
import org.springframework.stereotype.Component;

/** On her status page: how many of her images' hashes guard against re-uploads, and the way to hash more on her own device. */
@Component
class HashingForReporter implements StatusPageSection {

    record Shown(long banked) {
    }

    private final HashBanks banks;

    HashingForReporter(HashBanks banks) {
        this.banks = banks;
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public Optional<Content> content(UUID caseId) {
        if (banks.caseRefusal(caseId).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(new Content("hashing", "matching.hashing.status.heading", "matching/hashing-status", "hashing",
                new Shown(banks.activeEntries(caseId))));
    }
}
