package org.recourse.platform.internal.database;

import java.nio.file.Path;
import java.util.Map;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
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

    @Bean
    @Primary
    HikariDataSource dataSource(DatabaseServer server) {
        HikariDataSource ds = new HikariDataSource();
        ds.setPoolName("recourse");
        ds.setMaximumPoolSize(settings.poolSize());
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
    DataSource migrationDataSource(DatabaseServer server) {
        HikariDataSource ds = new HikariDataSource();
        ds.setPoolName("recourse-migration");
        ds.setMaximumPoolSize(2);
        ds.setMinimumIdle(0);
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

    /** Migrations grant the application role exactly what it needs, by name. */
    @Bean
    FlywayConfigurationCustomizer appRolePlaceholder() {
        String appRole = settings.embedded() ? EmbeddedPostgres.APP_ROLE : settings.user();
        return flyway -> flyway.placeholders(Map.of("app_role", appRole));
    }
}
