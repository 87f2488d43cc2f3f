package org.recourse.platform.internal.database;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the data lives. With no {@code url} an embedded PostgreSQL runs under {@code dataDir};
 * otherwise the external server is used, migrated as {@code migrationUser} when that is set
 * (so the application's own role can be denied DDL and audit updates).
 */
@ConfigurationProperties("recourse.db")
public record DatabaseSettings(
        String url,
        String user,
        String password,
        String migrationUser,
        String migrationPassword,
        int embeddedPort,
        boolean embeddedFresh,
        int poolSize) {

    public boolean embedded() {
        return url == null || url.isBlank();
    }
}
