package org.recourse.statistics.internal.annual;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import org.recourse.platform.DisplayTime;
import org.recourse.statistics.internal.disclosure.Auditing;
import org.recourse.statistics.internal.disclosure.ProtectedRelease;
import org.recourse.statistics.internal.export.Releases;
import org.recourse.statistics.internal.measures.Cell;
import org.recourse.statistics.internal.measures.Measure;
import org.recourse.statistics.internal.measures.Period;
import org.recourse.statistics.internal.measures.Table;
import org.recourse.statistics.internal.measures.TableSpec;
import org.recourse.statistics.internal.web.Breakdown;
import org.recourse.statistics.internal.web.Breakdowns;
import org.recourse.statistics.internal.web.Labels;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An annual report as it is printed and published: the year's protected release (the same tables,
 * suppression included, as the exports and the transparency page), the previous year's key figures
 * beside this year's, and the coordinator's texts.
 */
@Service
public class AnnualReports {

    /** @param change the change against the previous year as a signed percentage, empty where it cannot be shown */
    public record KeyFigure(String id, String label, String shown, String previous, String change) {
    }

    public record Section(AnnualSection section, String heading, List<String> paragraphs) {
    }

    public record AnnualReport(AnnualReportKind kind, int year, ReportLanguage language, String title,
                               List<Section> sections, List<KeyFigure> keyFigures, List<Breakdown> breakdowns,
                               String method) {
    }

    private final Releases releases;
    private final Breakdowns breakdowns;
    private final Labels labels;
    private final AnnualTexts texts;
    private final Clock clock;
    private final DisplayTime time;

    AnnualReports(Releases releases, Breakdowns breakdowns, Labels labels, AnnualTexts texts, Clock clock, DisplayTime time) {
        this.releases = releases;
        this.breakdowns = breakdowns;
        this.labels = labels;
        this.texts = texts;
        this.clock = clock;
        this.time = time;
    }

    /** Whether {@code year} is over (only a finished year can be published: its figures no longer change by the day). */
    public boolean over(int year) {
        return year < LocalDate.now(clock.withZone(time.zone())).getYear();
    }

    public int lastYearOver() {
        return LocalDate.now(clock.withZone(time.zone())).getYear() - 1;
    }

    /**
     * The report in every language from one computation of the year's and the previous year's release,
     * and whether the year's release would let a hidden cell be worked out (then it must not be published).
     */
    public record Editions(Map<ReportLanguage, AnnualReport> byLanguage, boolean wouldReveal) {
    }

    @Transactional
    public AnnualReport report(AnnualReportKind kind, int year, ReportLanguage language) {
        return report(kind, year, language, texts.of(kind, year));
    }

    @Transactional
    public AnnualReport report(AnnualReportKind kind, int year, ReportLanguage language, AnnualTexts.Texts with) {
        Period period = new Period(Period.Kind.YEAR, year, 0);
        return build(kind, year, language, with, releases.of(period), releases.of(period.previous()));
    }

    @Transactional
    public Editions editions(AnnualReportKind kind, int year, AnnualTexts.Texts with) {
        Period period = new Period(Period.Kind.YEAR, year, 0);
        ProtectedRelease now = releases.of(period);
        ProtectedRelease before = releases.of(period.previous());
        Map<ReportLanguage, AnnualReport> byLanguage = new EnumMap<>(ReportLanguage.class);
        for (ReportLanguage language : ReportLanguage.values()) {
            byLanguage.put(language, build(kind, year, language, with, now, before));
        }
        return new Editions(byLanguage, !Auditing.exposed(now).isEmpty());
    }

    private AnnualReport build(AnnualReportKind kind, int year, ReportLanguage language, AnnualTexts.Texts with,
                               ProtectedRelease now, ProtectedRelease before) {
        Locale locale = language.locale();
        List<KeyFigure> keys = new ArrayList<>();
        for (Measure m : kind.keyFigures()) {
            keys.add(keyFigure(m, now, before, locale));
        }
        List<Breakdown> tables = new ArrayList<>();
        for (TableSpec spec : kind.tables()) {
            table(now, spec).ifPresent(t -> tables.add(breakdowns.published(now, t, locale)));
        }
        List<Section> sections = kind.sections().stream().map(s -> new Section(s, labels.text(s.headingKey(), locale),
                paragraphs(with.get(language, s)))).toList();
        return new AnnualReport(kind, year, language, labels.text(kind.titleKey(), locale, year), sections, keys, tables,
                labels.text("statistics.transparency.method", locale, now.settings().threshold(), now.settings().symbol()));
    }

    private KeyFigure keyFigure(Measure m, ProtectedRelease now, ProtectedRelease before, Locale locale) {
        String id = "key-" + m.code().replace('_', '-');
        String label = labels.measure(m, locale);
        java.util.Optional<Table> current = table(now, TableSpec.of(m));
        if (current.isEmpty()) {
            return new KeyFigure(id, label, labels.text("statistics.not-recorded", locale), "", "");
        }
        Cell cell = current.get().total();
        Cell earlier = table(before, TableSpec.of(m)).map(Table::total).orElse(null);
        String shown = dash(now.shown(cell));
        String previous = earlier == null ? "–" : dash(before.shown(earlier));
        String change = "";
        boolean counted = m.kind() == Measure.Kind.COUNT || m.kind() == Measure.Kind.SUM;
        if (counted && earlier != null && !now.status(cell).suppressed() && !before.status(earlier).suppressed()
                && cell.value() != null && earlier.value() != null && earlier.value() > 0) {
            long percent = Math.round((cell.value() - earlier.value()) / earlier.value() * 100);
            change = (percent > 0 ? "+" : percent < 0 ? "−" : "") + Math.abs(percent) + " %";
        }
        return new KeyFigure(id, label, shown, previous, change);
    }

    private static java.util.Optional<Table> table(ProtectedRelease release, TableSpec spec) {
        return release.tables().stream().filter(t -> t.spec().equals(spec)).findFirst();
    }

    private static String dash(String shown) {
        return shown.isEmpty() ? "–" : shown;
    }

    private static List<String> paragraphs(String text) {
        return Arrays.stream(text.split("\\R\\s*\\R")).map(String::strip).filter(p -> !p.isEmpty()).toList();
    }
}
