package org.recourse.intake.internal.api;

import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code Idempotency-Key} values per API key, in the database: a retry is recognised on any node
 * and after a restart. The row is written in the transaction that creates the case
 * ({@code SubmittingReport}), so a key either has its case or nothing.
 */
@Repository
class Idempotency {

    record Stored(String requestHash, UUID caseId) {
    }

    private final JdbcClient jdbc;

    Idempotency(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Stored> find(UUID apiKeyId, String key) {
        return jdbc.sql("select request_hash, case_id from api_idempotency where api_key_id = ? and idempotency_key = ?")
                .params(apiKeyId, key)
                .query((rs, n) -> new Stored(rs.getString("request_hash"), rs.getObject("case_id", UUID.class)))
                .optional();
    }
}
