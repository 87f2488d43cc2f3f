package org.recourse.statistics;

/**
 * Declares that a module records a {@link Source}: register one as a bean next to the code that
 * publishes the source's event. Until a bean declares it, the measures that need it say "not yet
 * recorded".
 */
@FunctionalInterface
public interface StatisticsSource {

    Source source();
}
