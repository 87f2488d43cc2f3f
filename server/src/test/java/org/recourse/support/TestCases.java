package org.recourse.support;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Creates bare cases for tests whose subject is not intake (evidence, search paging): a case
 * number, a status and a channel, received now, as intake stores them. Tests about intake itself
 * report through the real form or API instead.
 */
public final class TestCases {

    private static final String SYMBOLS = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final SecureRandom random = new SecureRandom();

    private final JdbcClient jdbc;

    public TestCases(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Created(UUID id, String caseNumber) {
    }

    public Created create() {
        return create(Instant.now());
    }

    /** A case received at {@code receivedAt}, with its RECEIVED status in the history. */
    public Created create(Instant receivedAt) {
        UUID id = UUID.randomUUID();
        String number = "RC-" + symbols(4) + "-" + symbols(4);
        Timestamp at = Timestamp.from(receivedAt);
        jdbc.sql("""
                        insert into intake_case (id, case_number, status, channel, received_at, updated_at)
                        values (?, ?, 'RECEIVED', 'phone', ?, ?)""")
                .params(id, number, at, at).update();
        jdbc.sql("insert into case_status_history (case_id, status, changed_at) values (?, 'RECEIVED', ?)").params(id, at).update();
        return new Created(id, number);
    }

    /** Adds a reported address to a case, as intake stores it (normalised, with its host). */
    public void addItem(UUID caseId, String url, String host) {
        jdbc.sql("""
                        insert into reported_item (id, case_id, position, url, url_normalised, host, created_at)
                        values (?, ?, (select count(*) from reported_item where case_id = ?), ?, ?, ?, now())""")
                .params(UUID.randomUUID(), caseId, caseId, url, url, host).update();
    }

    private static String symbols(int count) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            out.append(SYMBOLS.charAt(random.nextInt(SYMBOLS.length())));
        }
        return out.toString();
    }
}
