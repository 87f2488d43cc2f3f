package org.recourse.platform;

import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.recourse.RecourseApplication;
import org.recourse.RecourseTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * With RECOURSE_DB_URL the application uses that server instead of starting its own: migrated
 * by the separate migration role, run as the application role, which cannot alter audit rows.
 * The shared embedded server plays the external one here, with a database and roles of its own.
 */
@RecourseTest
class ExternalDatabaseTest {

    @Autowired
    @Qualifier("migrationDataSource")
    DataSource superuser;

    @Test
    void runsOnAConfiguredServerWithSeparateMigrationAndApplicationRoles() throws Exception {
        String suffix = Long.toString(System.nanoTime() % 1_000_000);
        String database = "external_" + suffix;
        String owner = "ext_owner_" + suffix;
        String app = "ext_app_" + suffix;
        JdbcClient admin = JdbcClient.create(superuser);
        admin.sql("create role " + owner + " login password 'owner-secret-" + suffix + "'").update();
        admin.sql("create role " + app + " login password 'app-secret-" + suffix + "'").update();
        admin.sql("create database " + database + " owner " + owner).update();
        String url;
        try (var connection = superuser.getConnection()) {
            url = connection.getMetaData().getURL().replaceAll("/[^/?]+(\\?.*)?$", "/" + database);
        }

        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(RecourseApplication.class)
                .web(WebApplicationType.NONE)
                .run("--recourse.db.url=" + url,
                        "--recourse.db.user=" + app,
                        "--recourse.db.password=app-secret-" + suffix,
                        "--recourse.db.migration-user=" + owner,
                        "--recourse.db.migration-password=owner-secret-" + suffix,
                        "--recourse.data-dir=target/external-db-test",
                        "--db-scheduler.enabled=false",
                        "--spring.main.banner-mode=off")) {
            JdbcClient jdbc = JdbcClient.create(context.getBean(DataSource.class));

            assertThat(jdbc.sql("select current_user").query(String.class).single()).isEqualTo(app);
            List<String> tables = jdbc.sql("select tablename from pg_tables where schemaname = 'public'")
                    .query(String.class).list();
            assertThat(tables).contains("audit_log", "staff_user");
            assertThat(jdbc.sql("select tableowner from pg_tables where tablename = 'audit_log'").query(String.class).single())
                    .isEqualTo(owner);
            assertThat(jdbc.sql("select count(*) from staff_user where username = 'admin'").query(Integer.class).single())
                    .isEqualTo(1);
            assertThatThrownBy(() -> jdbc.sql("delete from audit_log").update())
                    .rootCause().hasMessageContaining("permission denied");
            assertThatThrownBy(() -> jdbc.sql("create table sneaky (id int)").update())
                    .rootCause().hasMessageContaining("permission denied");
        } finally {
            admin.sql("drop database " + database + " with (force)").update();
            admin.sql("drop role " + app).update();
            admin.sql("drop role " + owner).update();
        }
    }
}
