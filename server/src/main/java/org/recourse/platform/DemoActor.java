package org.recourse.platform;

/**
 * A module's part of {@code ./recourse demo}: it plays the people of its own link of the chain (the
 * reporters, the analysts, the platforms, the authorities) through the module's real use cases, one
 * simulated day at a time. The demo calls every actor each day in {@link #order()}, then lets the
 * events between modules settle and delivers the outbox without sending anything.
 */
public interface DemoActor {

    /** Directory first (0), then intake (10), evidence (20), assessment (30), take-down (40), escalation (50). */
    int order();

    /** Whether this module holds data that was not made by a demo (then the demo refuses to run). */
    default boolean holdsRealData() {
        return false;
    }

    /** Once, before the first day: what this module needs to exist (e.g. the synthetic platforms). */
    default void prepare(DemoDay first) {
    }

    /** What a newcomer should know about this module's part when the demo is done (printed), or nothing. */
    default java.util.List<String> summary() {
        return java.util.List.of();
    }

    /** The module's people act on this day. */
    default void act(DemoDay day) {
    }
}
