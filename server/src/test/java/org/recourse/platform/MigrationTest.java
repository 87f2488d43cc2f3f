package org.recourse.platform;

import java.util.List;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.recourse.RecourseTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Every migration applies cleanly to an empty database and grants the application role its rights. */
@RecourseTest
class MigrationTest {

    @Autowired
    @Qualifier("migrationDataSource")
    DataSource superuser;

    @Test
    void allMigrationsApplyToAnEmptyDatabase() throws Exception {
        String database = "migration_check_" + System.nanoTime();
        JdbcClient admin = JdbcClient.create(superuser);
        admin.sql("create database " + database).update();
        String url;
        try (var connection = superuser.getConnection()) {
            url = connection.getMetaData().getURL().replaceAll("/[^/?]+(\\?.*)?$", "/" + database);
        }
        String user;
        try (var connection = superuser.getConnection()) {
            user = connection.getMetaData().getUserName();
        }
        String password = superuser.unwrap(com.zaxxer.hikari.HikariDataSource.class).getPassword();
        DriverManagerDataSource empty = new DriverManagerDataSource(url, user, password);

        MigrateResult result = Flyway.configure()
                .dataSource(empty)
                .locations("classpath:db/migration")
                .placeholders(java.util.Map.of("app_role", "recourse_app"))
                .load()
                .migrate();

        assertThat(result.success).isTrue();
        assertThat(result.migrationsExecuted).isGreaterThanOrEqualTo(3);
        List<String> tables = JdbcClient.create(empty)
                .sql("select table_name from information_schema.tables where table_schema = 'public'")
                .query(String.class).list();
        assertThat(tables).contains("audit_log", "staff_user", "spring_session", "scheduled_tasks", "event_publication");
        List<String> auditGrants = JdbcClient.create(empty)
                .sql("select privilege_type from information_schema.role_table_grants where table_name = 'audit_log' and grantee = 'recourse_app'")
                .query(String.class).list();
        assertThat(auditGrants).contains("SELECT", "INSERT").doesNotContain("DELETE", "TRUNCATE");
        admin.sql("drop database " + database + " with (force)").update();
    }

    /**
     * The schema released before the escalation, backup and monitoring migrations (V25 onwards).
     * Migrations are forward-only and every new one takes a version above all existing ones, so a
     * database at this baseline, with data in it, must migrate to the current schema intact.
     */
    static final String BASELINE = "24.2";

    @Test
    void aDatabaseAtTheBaselineWithDataMigratesToNowAndKeepsItsData() throws Exception {
        String database = "migration_baseline_" + System.nanoTime();
        JdbcClient admin = JdbcClient.create(superuser);
        admin.sql("create database " + database).update();
        String url;
        String user;
        try (var connection = superuser.getConnection()) {
            url = connection.getMetaData().getURL().replaceAll("/[^/?]+(\\?.*)?$", "/" + database);
            user = connection.getMetaData().getUserName();
        }
        String password = superuser.unwrap(com.zaxxer.hikari.HikariDataSource.class).getPassword();
        DriverManagerDataSource db = new DriverManagerDataSource(url, user, password);
        try {
            MigrateResult toBaseline = Flyway.configure().dataSource(db).locations("classpath:db/migration")
                    .placeholders(java.util.Map.of("app_role", "recourse_app")).target(BASELINE).load().migrate();
            assertThat(toBaseline.targetSchemaVersion).isEqualTo(BASELINE);
            JdbcClient data = JdbcClient.create(db);
            java.util.UUID caseId = java.util.UUID.randomUUID();
            java.util.UUID itemId = java.util.UUID.randomUUID();
            java.util.UUID requestId = java.util.UUID.randomUUID();
            data.sql("""
                            insert into intake_case (id, case_number, status, channel, received_at, updated_at)
                            values (?, 'RC-BASE-LINE', 'RECEIVED', 'phone', now(), now())""").param(caseId).update();
            data.sql("""
                            insert into reported_item (id, case_id, position, url, url_normalised, host, created_at)
                            values (?, ?, 0, 'https://example.test/a', 'https://example.test/a', 'example.test', now())""")
                    .params(itemId, caseId).update();
            data.sql("""
                            insert into escalation_request (id, reference, platform_key, authority_key, language, state, drafted_by, drafted_at)
                            values (?, 'ER-BASE2345', 'platform', 'acm', 'nl', 'draft', 'analyst', now())""").param(requestId).update();
            data.sql("""
                            insert into escalation_request_item (request_id, reported_item_id, case_id, url, reasons)
                            values (?, ?, ?, 'https://example.test/a', '{long-overdue}')""").params(requestId, itemId, caseId).update();

            java.util.UUID named = java.util.UUID.randomUUID();
            java.util.UUID unknown = java.util.UUID.randomUUID();
            for (java.util.UUID id : java.util.List.of(named, unknown)) {
                data.sql("""
                                insert into staff_user (id, username, display_name, password_hash, roles, organisation, created_at, updated_at)
                                values (?, ?, 'Liaison', 'x', '{LIAISON}', ?, now(), now())""")
                        .params(id, "liaison-" + id.toString().substring(0, 8),
                                id.equals(named) ? " autoriteit consument & markt " : "Politie Oost-Brabant").update();
            }

            MigrateResult toNow = Flyway.configure().dataSource(db).locations("classpath:db/migration")
                    .placeholders(java.util.Map.of("app_role", "recourse_app")).load().migrate();
            assertThat(toNow.success).isTrue();
            assertThat(toNow.migrationsExecuted).as("migrations after the baseline").isPositive();
            assertThat(data.sql("select organisation from staff_user where id = ?").param(named).query(String.class).single())
                    .as("a liaison's organisation named as in the directory becomes its key").isEqualTo("acm");
            assertThat(data.sql("select organisation from staff_user where id = ?").param(unknown).query(String.class).single())
                    .as("free text the directory does not know stays, for an administrator to choose again").isEqualTo("Politie Oost-Brabant");
            assertThat(data.sql("select case_number from intake_case where id = ?").param(caseId).query(String.class).single())
                    .isEqualTo("RC-BASE-LINE");
            assertThat(data.sql("select url from reported_item where id = ?").param(itemId).query(String.class).single())
                    .isEqualTo("https://example.test/a");
            assertThat(data.sql("select state || '/' || coalesce(letter_address, '-') from escalation_request where id = ?")
                    .param(requestId).query(String.class).single()).as("an old request keeps its state, with no letter fixed yet")
                    .isEqualTo("draft/-");
            assertThat(data.sql("select reasons[1] || '/' || coalesce(case_number, '-') from escalation_request_item where request_id = ?")
                    .param(requestId).query(String.class).single()).isEqualTo("long-overdue/-");
        } finally {
            admin.sql("drop database " + database + " with (force)").update();
        }
    }
}
