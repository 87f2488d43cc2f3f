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
}
