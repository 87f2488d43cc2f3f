package org.recourse.platform.internal.database;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded server keeps its data across restarts, lets a second process attach while it
 * runs (a command beside the server), and is reachable only with the generated passwords.
 */
class EmbeddedPostgresTest {

    @TempDir
    Path dataDir;

    @Test
    void dataSurvivesARestartAndASecondProcessAttaches() throws Exception {
        EmbeddedPostgres first = EmbeddedPostgres.startOrAttach(dataDir, 0, false);
        try (Connection c = DriverManager.getConnection(first.jdbcUrl(), first.superuser(), first.superuserPassword())) {
            c.createStatement().execute("create table kept (value text)");
            c.createStatement().execute("insert into kept values ('still here')");
        }

        EmbeddedPostgres attached = EmbeddedPostgres.startOrAttach(dataDir, 0, false);
        assertThat(attached.port()).isEqualTo(first.port());
        try (Connection held = DriverManager.getConnection(attached.jdbcUrl(), EmbeddedPostgres.APP_ROLE, attached.appPassword())) {
            first.stopIfUnused();
            assertThat(held.isValid(2)).as("the first process leaves the server running while another is connected").isTrue();
        }
        attached.stopIfUnused();
        first.stopIfUnused();
        assertThat(Files.exists(dataDir.resolve("postgres/postmaster.pid"))).isFalse();

        EmbeddedPostgres restarted = EmbeddedPostgres.startOrAttach(dataDir, 0, false);
        try (Connection c = DriverManager.getConnection(restarted.jdbcUrl(), restarted.superuser(), restarted.superuserPassword());
             ResultSet rs = c.createStatement().executeQuery("select value from kept")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("still here");
        } finally {
            restarted.stopIfUnused();
        }
    }

    @Test
    void aNewDataDirectoryPacesAutovacuumForAnInteractiveServer() throws Exception {
        EmbeddedPostgres pg = EmbeddedPostgres.startOrAttach(dataDir, 0, false);
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), pg.superuser(), pg.superuserPassword());
             ResultSet rs = c.createStatement().executeQuery(
                     "select setting, source from pg_settings where name = 'autovacuum_vacuum_cost_delay'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("20");
            assertThat(rs.getString(2)).as("set in the configuration file, so ALTER SYSTEM can change it")
                    .isEqualTo("configuration file");
        } finally {
            pg.stopIfUnused();
        }
    }

    @Test
    void aNewDataDirectoryHandsBackendWritesToTheKernelEvery256kB() throws Exception {
        EmbeddedPostgres pg = EmbeddedPostgres.startOrAttach(dataDir, 0, false);
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), pg.superuser(), pg.superuserPassword());
             ResultSet rs = c.createStatement().executeQuery(
                     "select current_setting('backend_flush_after'), source from pg_settings where name = 'backend_flush_after'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("256kB");
            assertThat(rs.getString(2)).as("set in the configuration file, so ALTER SYSTEM can change it")
                    .isEqualTo("configuration file");
        } finally {
            pg.stopIfUnused();
        }
    }

    @Test
    void refusesConnectionsWithoutThePassword() throws Exception {
        EmbeddedPostgres pg = EmbeddedPostgres.startOrAttach(dataDir, 0, false);
        try {
            assertThatThrownBy(() -> DriverManager.getConnection(pg.jdbcUrl(), pg.superuser(), "guess"))
                    .hasMessageContaining("password authentication failed");
            assertThat(Files.isReadable(dataDir.resolve("secrets/postgres-superuser"))).isTrue();
            assertThat(Files.getPosixFilePermissions(dataDir.resolve("secrets/postgres-superuser")).toString())
                    .isEqualTo("[OWNER_READ, OWNER_WRITE]");
        } finally {
            pg.stopIfUnused();
        }
    }
}
