package org.recourse.takedown.internal.notices;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.recourse.evidence.EvidenceRecord;
import org.recourse.evidence.EvidenceVault;
import org.recourse.takedown.internal.TakedownSettings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Gathers what a notice says about its items: URL, captured hashes, assessment, substantiation. */
@Component
public class NoticeContents {

    private final JdbcClient jdbc;
    private final EvidenceVault vault;
    private final TakedownSettings settings;

    NoticeContents(JdbcClient jdbc, EvidenceVault vault, TakedownSettings settings) {
        this.jdbc = jdbc;
        this.vault = vault;
        this.settings = settings;
    }

    public NoticeContent build(String reference, String recipientName, boolean trustedFlagger, Collection<UUID> itemIds) {
        List<Map<String, Object>> rows = jdbc.sql("""
                        select id, case_id, url, legal_status, legal_grounds, substantiation, child_sexual_abuse, forms, decided_at
                        from takedown_item where id = any(?) order by decided_at, url""")
                .param(itemIds.toArray(UUID[]::new)).query().listOfRows();
        Map<UUID, List<EvidenceRecord>> evidence = new HashMap<>();
        List<NoticeContent.Item> items = new ArrayList<>();
        boolean childSexualAbuse = false;
        for (Map<String, Object> row : rows) {
            String url = (String) row.get("url");
            List<EvidenceRecord> ofCase = evidence.computeIfAbsent((UUID) row.get("case_id"), vault::forCase);
            List<String> hashes = ofCase.stream().filter(r -> url.equals(r.sourceUrl()) && r.sha256() != null)
                    .map(EvidenceRecord::sha256).distinct().toList();
            items.add(new NoticeContent.Item(url, hashes, (String) row.get("legal_status"), textArray(row.get("legal_grounds")),
                    (String) row.get("substantiation"), textArray(row.get("forms")),
                    ((java.sql.Timestamp) row.get("decided_at")).toInstant()));
            childSexualAbuse |= (Boolean) row.get("child_sexual_abuse");
        }
        return childSexualAbuse
                ? new NoticeContent(reference, recipientName, trustedFlagger, null, null, items)
                : new NoticeContent(reference, recipientName, trustedFlagger, settings.notifier().name(),
                        settings.notifier().email(), items);
    }

    static List<String> textArray(Object value) {
        try {
            return value == null ? List.of() : Arrays.asList((String[]) ((java.sql.Array) value).getArray());
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
