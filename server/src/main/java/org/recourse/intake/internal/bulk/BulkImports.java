package org.recourse.intake.internal.bulk;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.recourse.audit.AuditTrail;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Import jobs, their progress and their per-line errors. */
@Repository
class BulkImports {

    /** Where an import stands; the code is what the table stores and the message bundle's key. */
    enum ImportStatus {
        QUEUED, RUNNING, DONE, FAILED;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        static ImportStatus of(String code) {
            return valueOf(code.toUpperCase(java.util.Locale.ROOT));
        }
    }

    record ImportJob(UUID id, String fileName, ImportStatus status, String failureKey, String failureDetail,
                     int totalLines, int processedLines, int accepted, int rejected, String createdBy,
                     Instant createdAt, Instant finishedAt) {

        public boolean finished() {
            return status == ImportStatus.DONE || status == ImportStatus.FAILED;
        }

        public boolean failed() {
            return status == ImportStatus.FAILED;
        }

        public int percent() {
            return totalLines == 0 ? (finished() ? 100 : 0) : (int) (100L * processedLines / totalLines);
        }
    }

    record LineError(int lineNumber, String column, String messageKey, Integer messageArg, String lineText) {
    }

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    BulkImports(JdbcClient jdbc, AuditTrail audit, ObjectProvider<Clock> clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    UUID create(String fileName, byte[] content, String createdBy) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into bulk_import (id, file_name, content, status, created_by, created_at)
                values (?, ?, ?, ?, ?, ?)
                """).params(id, fileName, content, ImportStatus.QUEUED.code(), createdBy, Timestamp.from(clock.instant())).update();
        audit.record("import.queued", "bulk_import", id.toString(), "bytes=" + content.length);
        return id;
    }

    Optional<ImportJob> find(UUID id) {
        return jdbc.sql("select * from bulk_import where id = ?").param(id).query(BulkImports::map).optional();
    }

    List<ImportJob> recent(int limit) {
        return jdbc.sql("select * from bulk_import order by created_at desc limit ?").param(limit)
                .query(BulkImports::map).list();
    }

    byte[] content(UUID id) {
        return jdbc.sql("select content from bulk_import where id = ?").param(id).query(byte[].class).single();
    }

    void start(UUID id, int totalLines) {
        jdbc.sql("update bulk_import set status = ?, total_lines = ? where id = ?").params(ImportStatus.RUNNING.code(), totalLines, id).update();
    }

    void progress(UUID id, int processed, int accepted, int rejected) {
        jdbc.sql("""
                update bulk_import set processed_lines = processed_lines + ?, accepted = accepted + ?,
                    rejected = rejected + ? where id = ?
                """).params(processed, accepted, rejected, id).update();
    }

    void addError(UUID id, int position, LineError error) {
        jdbc.sql("""
                insert into bulk_import_error (import_id, line_number, position, column_name, message_key, message_arg, line_text)
                values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing
                """).params(id, error.lineNumber(), position, error.column(), error.messageKey(), error.messageArg(),
                error.lineText()).update();
    }

    void finish(UUID id) {
        jdbc.sql("update bulk_import set status = ?, content = null, finished_at = ? where id = ?")
                .params(ImportStatus.DONE.code(), Timestamp.from(clock.instant()), id).update();
    }

    void fail(UUID id, String failureKey, String detail) {
        jdbc.sql("""
                update bulk_import set status = ?, failure_key = ?, failure_detail = ?, content = null,
                    finished_at = ? where id = ?
                """).params(ImportStatus.FAILED.code(), failureKey, detail, Timestamp.from(clock.instant()), id).update();
    }

    List<LineError> errors(UUID id) {
        return jdbc.sql("""
                select line_number, column_name, message_key, message_arg, line_text from bulk_import_error
                where import_id = ? order by line_number, position
                """).param(id)
                .query((rs, n) -> new LineError(rs.getInt("line_number"), rs.getString("column_name"),
                        rs.getString("message_key"), (Integer) rs.getObject("message_arg"), rs.getString("line_text")))
                .list();
    }

    private static ImportJob map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        return new ImportJob(rs.getObject("id", UUID.class), rs.getString("file_name"), ImportStatus.of(rs.getString("status")),
                rs.getString("failure_key"), rs.getString("failure_detail"), rs.getInt("total_lines"),
                rs.getInt("processed_lines"), rs.getInt("accepted"), rs.getInt("rejected"), rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(), finished == null ? null : finished.toInstant());
    }
}
