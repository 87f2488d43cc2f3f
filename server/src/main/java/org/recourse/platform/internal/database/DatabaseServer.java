package org.recourse.platform.internal.database;

import org.springframework.beans.factory.DisposableBean;

/**
 * Holds the embedded server, if any, so that it is stopped only after every data source that
 * depends on it has been closed.
 */
public record DatabaseServer(EmbeddedPostgres embedded) implements DisposableBean {

    @Override
    public void destroy() {
        if (embedded != null) {
            embedded.stopIfUnused();
        }
    }
}
