package org.recourse.platform.internal.database;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the data lives. With no {@code url} an embedded PostgreSQL runs under {@code dataDir};
 * otherwise the external server is used, migrated as {@code migrationUser} when that is set
 * (so the application's own role can be denied DDL and audit updates).
 *
 * <p>{@code connectionTimeout} is how long a request waits for a connection (a free one from the
 * pool, or a new one to a server that is down) before it is answered 503; {@code socketTimeout}
 * how long one read from the server may take before the connection counts as broken (the longest
 * statement Recourse runs takes seconds); {@code supervisionInterval} how often the embedded
 * server's process is looked at, to restart it when it has died.
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
        int poolSize,
        @DefaultValue("2s") Duration connectionTimeout,
        @DefaultValue("5m") Duration socketTimeout,
        @DefaultValue("1s") Duration supervisionInterval) {

    public boolean embedded() {
        return url == null || url.isBlank();
    }
}
