package org.recourse.assessment.internal.referrals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.recourse.directory.Directory;
import org.recourse.directory.Organisation;
import org.recourse.platform.StatusPageSection;
import org.recourse.platform.StatusUpdates;
import org.springframework.stereotype.Component;

/**
 * Hand-offs as the reporter sees them: on her status page, each organisation she was referred to,
 * what she agreed it may know and where it stands, in plain words, and a button to withdraw her
 * consent (which stops what has not gone out and names what had); in the updates, each referral
 * and each answer.
 */
@Component
class HandOffsForReporter implements StatusPageSection, StatusUpdates {

    /** One referral as she reads it. */
    record Line(String organisation, List<SharedItem> shared, HandOffStatus status, boolean consentWithdrawn) {
    }

    record Shown(List<Line> lines, boolean canWithdraw) {
    }

    private final HandOffs handOffs;
    private final Directory directory;

    HandOffsForReporter(HandOffs handOffs, Directory directory) {
        this.handOffs = handOffs;
        this.directory = directory;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public Optional<Content> content(UUID caseId) {
        List<HandOff> all = handOffs.forCase(caseId);
        if (all.isEmpty()) {
            return Optional.empty();
        }
        List<Line> lines = all.stream().map(h -> new Line(name(h.organisation()), h.consentScope(), h.status(), h.consentRevokedAt() != null))
                .toList();
        boolean canWithdraw = all.stream().anyMatch(h -> h.consentRevokedAt() == null);
        return Optional.of(new Content("referrals", "assessment.handoff.reporter.heading", "assessment/handoff-status", "referrals",
                new Shown(lines, canWithdraw)));
    }

    @Override
    public List<Update> forCase(UUID caseId) {
        List<Update> updates = new ArrayList<>();
        for (HandOff h : handOffs.forCase(caseId)) {
            String name = name(h.organisation());
            updates.add(new Update(h.referredAt(), "assessment.handoff.reporter.update.referred", name));
            if (h.outcomeAt() != null) {
                updates.add(new Update(h.outcomeAt(), "assessment.handoff.reporter.update." + h.status().code(), name));
            }
        }
        return updates;
    }

    private String name(String key) {
        return directory.findByKey(key).map(Organisation::name).orElse(key);
    }
}
