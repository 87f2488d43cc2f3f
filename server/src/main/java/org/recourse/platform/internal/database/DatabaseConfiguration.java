package org.recourse.platform.internal.database;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/** The application's data source, and the separate one Flyway migrates with. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabaseSettings.class)
class DatabaseConfiguration {

    private final DatabaseSettings settings;
    private final Path dataDir;

    DatabaseConfiguration(DatabaseSettings settings, @Value("${recourse.data-dir}") Path dataDir) {
        this.settings = settings;
        this.dataDir = dataDir;
    }

    @Bean
    DatabaseServer databaseServer() {
        if (!settings.embedded()) {
            return new DatabaseServer(null);
        }
        return new DatabaseServer(EmbeddedPostgres.startOrAttach(dataDir, settings.embeddedPort(),
                settings.embeddedFresh()));
    }

    /** Watches the embedded server; with an external one (the operator keeps it running) it does nothing. */
    @Bean
    DatabaseSupervisor databaseSupervisor(DatabaseServer server, Clock clock) {
        return new DatabaseSupervisor(server.embedded(), settings.supervisionInterval(), clock);
    }

    /** {@code recourse_database_up}: 0 while the embedded server is known to be down, for the "database down" alert. */
    @Bean
    io.micrometer.core.instrument.binder.MeterBinder databaseUpMetric(DatabaseSupervisor supervisor) {
        return registry -> io.micrometer.core.instrument.Gauge.builder("recourse.database.up", () -> supervisor.available() ? 1 : 0)
                .description("1 while the database answers, 0 while it is known to be down")
                .register(registry);
    }

    @Bean
    HealthIndicator embeddedDatabaseHealthIndicator(DatabaseSupervisor supervisor) {
        return new EmbeddedDatabaseHealth(supervisor);
    }

    @Bean
    FailFastDataSource.Reachability databaseReachability(DatabaseSupervisor supervisor) {
        return new FailFastDataSource.Reachability(supervisor);
    }

    @Bean
    @Primary
    DataSource dataSource(DatabaseServer server, FailFastDataSource.Reachability reachability) {
        return new FailFastDataSource(applicationPool(server), reachability);
    }

    private HikariDataSource applicationPool(DatabaseServer server) {
        HikariDataSource ds = new HikariDataSource();
        ds.setPoolName("recourse");
        ds.setMaximumPoolSize(settings.poolSize());
        failFast(ds);
        if (server.embedded() != null) {
            ds.setJdbcUrl(server.embedded().jdbcUrl());
            ds.setUsername(EmbeddedPostgres.APP_ROLE);
            ds.setPassword(server.embedded().appPassword());
        } else {
            ds.setJdbcUrl(settings.url());
            ds.setUsername(settings.user());
            ds.setPassword(settings.password());
        }
        return ds;
    }

    @Bean
    @FlywayDataSource
    DataSource migrationDataSource(DatabaseServer server, FailFastDataSource.Reachability reachability) {
        return new FailFastDataSource(migrationPool(server), reachability);
    }

    private HikariDataSource migrationPool(DatabaseServer server) {
        HikariDataSource ds = new HikariDataSource();
        ds.setPoolName("recourse-migration");
        ds.setMaximumPoolSize(2);
        ds.setMinimumIdle(0);
        failFast(ds);
        if (server.embedded() != null) {
            ds.setJdbcUrl(server.embedded().jdbcUrl());
            ds.setUsername(server.embedded().superuser());
            ds.setPassword(server.embedded().superuserPassword());
        } else {
            boolean separate = settings.migrationUser() != null && !settings.migrationUser().isBlank();
            ds.setJdbcUrl(settings.url());
            ds.setUsername(separate ? settings.migrationUser() : settings.user());
            ds.setPassword(separate ? settings.migrationPassword() : settings.password());
        }
        return ds;
    }

    /**
     * A request never waits long for a database that is not there: it gets a connection within
     * {@code connectionTimeout} or an error that is answered 503 with Retry-After. The driver's
     * own timeouts keep a connection attempt to a dead or unreachable server from outlasting that
     * wait, and TCP keep-alives let a connection to a server that vanished from the network fail
     * instead of waiting forever. When the server is back, the pool opens new connections on its
     * own: nothing needs a restart.
     */
    private void failFast(HikariDataSource ds) {
        long timeout = Math.max(250, settings.connectionTimeout().toMillis());
        ds.setConnectionTimeout(timeout);
        ds.setValidationTimeout(Math.max(250, Math.min(1000, timeout / 2)));
        int seconds = (int) Math.max(1, settings.connectionTimeout().toSeconds());
        ds.addDataSourceProperty("connectTimeout", seconds);
        ds.addDataSourceProperty("loginTimeout", seconds);
        ds.addDataSourceProperty("socketTimeout", (int) Math.max(1, settings.socketTimeout().toSeconds()));
        ds.addDataSourceProperty("tcpKeepAlive", true);
        ds.addDataSourceProperty("cancelSignalTimeout", seconds);
    }

    /** Migrations grant the application role exactly what it needs, by name. */
    @Bean
    FlywayConfigurationCustomizer appRolePlaceholder() {
        String appRole = settings.embedded() ? EmbeddedPostgres.APP_ROLE : settings.user();
        return flyway -> flyway.placeholders(Map.of("app_role", appRole));
    }
}
