package org.recourse.support;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.event.EventListener;

/**
 * Every domain event the application publishes, as it is published (before any module reacts), so a
 * test can count what was announced. The event publication registry cannot tell: it keeps only the
 * reactions that have not finished.
 */
@TestConfiguration(proxyBeanMethods = false)
public class EventLog {

    private final Queue<Object> published = new ConcurrentLinkedQueue<>();

    @EventListener
    void on(Object event) {
        if (event.getClass().getName().startsWith("org.recourse.")) {
            published.add(event);
        }
    }

    /** The events of this type published so far that match. */
    public <T> List<T> published(Class<T> type, Predicate<? super T> matching) {
        return published.stream().filter(type::isInstance).map(type::cast).filter(matching).toList();
    }
}
