package org.recourse.platform.internal.database;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
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
    void dataSurvivesARestartAndTheLastUserStopsTheServer() throws Exception {
        EmbeddedPostgres first = EmbeddedPostgres.startOrAttach(dataDir, 0, false);
        try (Connection c = DriverManager.getConnection(first.jdbcUrl(), first.superuser(), first.superuserPassword())) {
            c.createStatement().execute("create table kept (value text)");
            c.createStatement().execute("insert into kept values ('still here')");
        }

        EmbeddedPostgres second = EmbeddedPostgres.startOrAttach(dataDir, 0, false);
        assertThat(second.port()).as("a second user in this process shares the server").isEqualTo(first.port());
        first.stopIfUnused();
        assertThat(Files.exists(dataDir.resolve("postgres/postmaster.pid"))).as("still used in this process").isTrue();
        try (Connection held = DriverManager.getConnection(second.jdbcUrl(), EmbeddedPostgres.APP_ROLE, second.appPassword())) {
            second.stopIfUnused();
            assertThat(held.isValid(2)).as("left running while another process is connected").isTrue();
        }
        second.stopIfUnused();
        assertThat(Files.exists(dataDir.resolve("postgres/postmaster.pid"))).as("stopped once the other process has gone").isFalse();
        first.stopIfUnused();

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
        assertThat(newDataDirectorySetting("autovacuum_vacuum_cost_delay")).isEqualTo("20ms");
    }

    @Test
    void aNewDataDirectoryGetsStatisticsForGrowingTablesWithinSeconds() throws Exception {
        assertThat(newDataDirectorySetting("autovacuum_naptime")).isEqualTo("10s");
    }

    @Test
    void aNewDataDirectoryHandsBackendWritesToTheKernelEvery256kB() throws Exception {
        assertThat(newDataDirectorySetting("backend_flush_after")).isEqualTo("256kB");
    }

    /**
     * A setting of the server on a new data directory, checked to come from its configuration
     * file (so that an operator can still change it with ALTER SYSTEM).
     */
    private String newDataDirectorySetting(String name) throws Exception {
        EmbeddedPostgres pg = EmbeddedPostgres.startOrAttach(dataDir, 0, false);
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), pg.superuser(), pg.superuserPassword());
             PreparedStatement query = c.prepareStatement("select current_setting(name), source from pg_settings where name = ?")) {
            query.setString(1, name);
            try (ResultSet rs = query.executeQuery()) {
                assertThat(rs.next()).as(name).isTrue();
                assertThat(rs.getString(2)).as("%s set in the configuration file", name).isEqualTo("configuration file");
                return rs.getString(1);
            }
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
