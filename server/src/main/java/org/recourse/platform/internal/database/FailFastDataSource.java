package org.recourse.platform.internal.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * A pool that does not make every request wait out its connection timeout while the database is
 * known to be gone: when the supervisor has seen the embedded server's process die, or a request
 * has just waited in vain for a new connection to the server, further requests fail at once (and
 * are answered 503) for a moment instead of each waiting again — a page whose view and session
 * both need the database would otherwise wait twice. After that moment one request tries again,
 * so a server that is back is used within a second.
 */
final class FailFastDataSource extends DelegatingDataSource implements AutoCloseable {

    /** Shared by the pools of one server: what one learns about the server holds for the others. */
    static final class Reachability {
        private static final long QUIET_NANOS = TimeUnit.SECONDS.toNanos(1);
        private final DatabaseSupervisor supervisor;
        private volatile long unreachableUntil = System.nanoTime();

        Reachability(DatabaseSupervisor supervisor) {
            this.supervisor = supervisor;
        }

        boolean knownDown() {
            return !supervisor.available() || System.nanoTime() - unreachableUntil < 0;
        }

        void couldNotConnect() {
            unreachableUntil = System.nanoTime() + QUIET_NANOS;
        }
    }

    private final Reachability reachability;

    FailFastDataSource(DataSource pool, Reachability reachability) {
        super(pool);
        this.reachability = reachability;
    }

    @Override
    public Connection getConnection() throws SQLException {
        refuseIfKnownDown();
        try {
            return super.getConnection();
        } catch (SQLTransientConnectionException timedOut) {
            noteWhy(timedOut);
            throw timedOut;
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        refuseIfKnownDown();
        try {
            return super.getConnection(username, password);
        } catch (SQLTransientConnectionException timedOut) {
            noteWhy(timedOut);
            throw timedOut;
        }
    }

    private void refuseIfKnownDown() throws SQLTransientConnectionException {
        if (reachability.knownDown()) {
            throw new SQLTransientConnectionException("The database server is not reachable", "08001");
        }
    }

    /**
     * The pool names the last failed attempt to open a connection as the cause of its timeout;
     * without one, the pool was only busy, which says nothing about the server.
     */
    private void noteWhy(SQLTransientConnectionException timedOut) {
        if (timedOut.getCause() != null) {
            reachability.couldNotConnect();
        }
    }

    @Override
    public void close() throws Exception {
        if (getTargetDataSource() instanceof AutoCloseable pool) {
            pool.close();
        }
    }
}
