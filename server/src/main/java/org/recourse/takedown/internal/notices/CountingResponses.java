package org.recourse.takedown.internal.notices;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.recourse.takedown.NoticeFigures;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** {@link NoticeFigures} in one grouped query over the sent notices (index on recipient and sent time). */
@Service
class CountingResponses implements NoticeFigures {

    private final JdbcClient jdbc;

    CountingResponses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<RecipientFigures> byRecipient(Instant from, Instant to) {
        return jdbc.sql("""
                        select recipient_key, count(*) as sent, count(acknowledged_at) as acknowledged,
                               percentile_cont(0.5) within group (order by extract(epoch from acknowledged_at - sent_at))
                                   filter (where acknowledged_at is not null) as median_seconds
                        from takedown_notice
                        where sent_at >= ? and sent_at < ?
                        group by recipient_key order by recipient_key""")
                .params(Timestamp.from(from), Timestamp.from(to))
                .query((rs, row) -> {
                    double median = rs.getDouble("median_seconds");
                    return new RecipientFigures(rs.getString("recipient_key"), rs.getLong("sent"), rs.getLong("acknowledged"),
                            rs.wasNull() ? null : Duration.ofMillis(Math.round(median * 1000)));
                })
                .list();
    }
}
