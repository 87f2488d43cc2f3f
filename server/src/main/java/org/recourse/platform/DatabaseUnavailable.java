package org.recourse.platform;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells failures of the database itself — down, restarting, unreachable, out of connections —
 * from every other error, so that they are answered 503 with Retry-After (try again shortly)
 * instead of 500 (something is wrong with this request). Looks through the whole cause chain:
 * the same failure arrives wrapped by the pool, the driver, Spring's translation, a transaction
 * or a template.
 */
public final class DatabaseUnavailable {

    /** Seconds a client is asked to wait: about what the embedded server takes to restart. */
    public static final int RETRY_AFTER_SECONDS = 5;

    private DatabaseUnavailable() {
    }

    public static boolean causedBy(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 32; t = t.getCause(), depth++) {
            if (t instanceof CannotGetJdbcConnectionException || t instanceof CannotCreateTransactionException
                    || t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql && unavailable(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * SQLSTATE class 08 (connection exception), 53 (insufficient resources: disk full, too many
     * connections) and 57P01–57P04 (the server is shutting down, crashed, still starting, or the
     * database was dropped).
     */
    private static boolean unavailable(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("53") || state.startsWith("57P"));
    }
}
