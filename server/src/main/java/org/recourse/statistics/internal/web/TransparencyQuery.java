package org.recourse.statistics.internal.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.recourse.statistics.internal.disclosure.ProtectedRelease;
import org.recourse.statistics.internal.export.Releases;
import org.recourse.statistics.internal.measures.Period;
import org.recourse.statistics.internal.measures.Table;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public transparency page for a quarter: the release's protected tables only. Platforms are
 * named only where their number of notices is published (not suppressed).
 */
@Service
public class TransparencyQuery {

    private final Releases releases;
    private final Breakdowns breakdowns;

    TransparencyQuery(Releases releases, Breakdowns breakdowns) {
        this.releases = releases;
        this.breakdowns = breakdowns;
    }

    public record Page(String quarter, List<Breakdown> breakdowns, String symbol, int threshold) {
    }

    @Transactional
    public Page quarter(Period quarter, Locale locale) {
        ProtectedRelease release = releases.of(quarter);
        List<Breakdown> shown = new ArrayList<>();
        for (Table t : release.tables()) {
            if (Releases.TRANSPARENCY.contains(t.spec())) {
                shown.add(breakdowns.published(release, t, locale));
            }
        }
        return new Page(quarter.toString(), shown, release.settings().symbol(), release.settings().threshold());
    }
}
