package org.recourse.platform.internal.demo;

import java.time.Duration;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Tells every page whether this installation holds demo data ({@code demoData}), so the layout can
 * say so on every page. Looked up at most once a minute; when the database cannot be asked, a page
 * shows no banner rather than failing.
 */
@ControllerAdvice
class DemoDataAdvice {

    private static final long RECHECK = Duration.ofMinutes(1).toNanos();

    private final DemoRuns runs;
    private volatile boolean present;
    private volatile long checkedAt = System.nanoTime() - RECHECK - 1;

    DemoDataAdvice(DemoRuns runs) {
        this.runs = runs;
    }

    @ModelAttribute("demoData")
    boolean demoData() {
        long now = System.nanoTime();
        if (now - checkedAt > RECHECK) {
            try {
                present = runs.present();
                checkedAt = now;
            } catch (RuntimeException unavailable) {
                return present;
            }
        }
        return present;
    }
}
