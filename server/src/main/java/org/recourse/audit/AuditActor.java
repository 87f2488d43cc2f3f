package org.recourse.audit;


/**
 * Names the actor for work that is not a web request: a scheduled job ({@code system:retention})
 * or a command ({@code cli:root}). Inside a request the signed-in user is the actor.
 */
public final class AuditActor {

    private static final ThreadLocal<String> current = new ThreadLocal<>();

    private AuditActor() {
    }

    /** Runs work that returns a result as the given actor. */
    public static <T> T supplyAs(String actor, java.util.function.Supplier<T> work) {
        String previous = current.get();
        current.set(actor);
        try {
            return work.get();
        } finally {
            current.set(previous);
        }
    }

    public static void runAs(String actor, Runnable work) {
        String previous = current.get();
        current.set(actor);
        try {
            work.run();
        } finally {
            current.set(previous);
        }
    }

    /** The actor set for this thread, or null. */
    public static String current() {
        return current.get();
    }
}
