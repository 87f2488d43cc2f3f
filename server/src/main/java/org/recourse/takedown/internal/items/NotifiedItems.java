package org.recourse.takedown.internal.items;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.recourse.routing.LegalStatus;
import org.recourse.takedown.NotifiedItem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The items of a notice as events carry them, with how many notices each has had. */
@Component
public class NotifiedItems {

    private final JdbcClient jdbc;

    NotifiedItems(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @param stillOnlineOnly leave out items the online checks found gone */
    public List<NotifiedItem> of(UUID noticeId, boolean stillOnlineOnly) {
        return jdbc.sql("""
                        select i.case_id, i.reported_item_id, i.url, i.legal_status, i.forms, i.child_sexual_abuse,
                               (select count(*) from takedown_notice_item ni2 join takedown_notice n2 on n2.id = ni2.notice_id
                                where ni2.item_id = i.id and n2.sent_at is not null) as sent
                        from takedown_notice_item ni join takedown_item i on i.id = ni.item_id
                        where ni.notice_id = ? and (not ? or i.status not in ('offline', 'changed'))
                        order by i.url""")
                .params(noticeId, stillOnlineOnly)
                .query((rs, row) -> new NotifiedItem(rs.getObject("case_id", UUID.class), rs.getObject("reported_item_id", UUID.class),
                        rs.getString("url"), legalStatus(rs.getString("legal_status")),
                        Set.of((String[]) rs.getArray("forms").getArray()), rs.getBoolean("child_sexual_abuse"), rs.getInt("sent")))
                .list();
    }

    private static LegalStatus legalStatus(String code) {
        try {
            return LegalStatus.ofCode(code);
        } catch (IllegalArgumentException e) {
            return LegalStatus.UNKNOWN;
        }
    }
}
