package org.recourse.platform;

import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;

/**
 * When a request reached the server ({@link System#nanoTime()}), recorded by the first filter, so
 * that a limit on waiting counts every wait inside the server — for a connection, a permit, a
 * writer — from one moment, not each wait from its own start.
 */
public final class RequestArrival {

    static final String ATTRIBUTE = RequestArrival.class.getName();

    private RequestArrival() {
    }

    /** Records now as the arrival, unless an earlier filter already did. */
    public static void record(HttpServletRequest request) {
        if (request.getAttribute(ATTRIBUTE) == null) {
            request.setAttribute(ATTRIBUTE, System.nanoTime());
        }
    }

    /** The arrival, or now if it was not recorded (a request built outside the server). */
    public static long nanos(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof Long arrival ? arrival : System.nanoTime();
    }

    /** The {@link System#nanoTime()} by which a request may have waited {@code limit} in all. */
    public static long deadline(HttpServletRequest request, Duration limit) {
        return nanos(request) + limit.toNanos();
    }
}
