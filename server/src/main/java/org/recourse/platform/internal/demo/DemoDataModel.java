package org.recourse.platform.internal.demo;

import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import org.recourse.platform.internal.PageModel;
import org.springframework.stereotype.Component;
import org.springframework.ui.ModelMap;

/**
 * Tells every page whether this installation holds demo data ({@code demoData}), so the layout can
 * say so on every page. Looked up at most once a minute; when the database cannot be asked, a page
 * shows no banner rather than failing.
 */
@Component
class DemoDataModel implements PageModel {

    private static final long RECHECK = Duration.ofMinutes(1).toNanos();

    private final DemoRuns runs;
    private volatile boolean present;
    private volatile long checkedAt = System.nanoTime() - RECHECK - 1;

    DemoDataModel(DemoRuns runs) {
        this.runs = runs;
    }

    @Override
    public void addTo(HttpServletRequest request, ModelMap model) {
        if (!model.containsAttribute("demoData")) {
            model.addAttribute("demoData", demoData());
        }
    }

    private boolean demoData() {
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
