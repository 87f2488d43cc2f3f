package org.recourse.takedown.internal.web;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import org.recourse.platform.CaseFinder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Staff search finds the cases of a notice by its reference ({@code TD-…}), as a recipient quotes it back. */
@Component
class NoticeReferenceFinder implements CaseFinder {

    private static final Pattern REFERENCE = Pattern.compile("TD-[A-Z0-9]{4,20}");

    private final JdbcClient jdbc;

    NoticeReferenceFinder(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Found> find(String query, int limit) {
        String reference = query.strip().toUpperCase(Locale.ROOT);
        if (!REFERENCE.matcher(reference).matches()) {
            return List.of();
        }
        return jdbc.sql("""
                        select distinct i.case_id from takedown_notice n
                        join takedown_notice_item ni on ni.notice_id = n.id join takedown_item i on i.id = ni.item_id
                        where n.reference = ? limit ?""")
                .params(reference, limit)
                .query((rs, n) -> new Found(rs.getObject(1, UUID.class), "takedown.search.reference", reference)).list();
    }
}
