package org.recourse.matching.internal.reupload;

import java.util.List;
import java.util.Set;

import org.recourse.platform.AttentionItem;
import org.recourse.platform.NeedsAttention;
import org.springframework.stereotype.Component;

/** Matching's entry on the "needs attention" list: a possible re-upload waiting for an analyst. */
@Component
class ReuploadAttention implements NeedsAttention {

    private final Findings findings;

    ReuploadAttention(Findings findings) {
        this.findings = findings;
    }

    @Override
    public Set<String> roles() {
        return Set.of("ANALYST", "COORDINATOR");
    }

    @Override
    public List<AttentionItem> waiting(int limit) {
        return findings.open(limit).stream().map(f -> new AttentionItem("matching.attention.reupload",
                List.of(host(f.url()), Integer.toString(f.distance())), f.originalCaseId(), "matching.attention.review",
                "/staff/matching/findings/" + f.id(), f.foundAt())).toList();
    }

    /** Only the site: the dashboard is no place for the full address of the material. */
    static String host(String url) {
        try {
            String host = java.net.URI.create(url).getHost();
            return host == null ? "-" : host;
        } catch (IllegalArgumentException e) {
            return "-";
        }
    }
}
