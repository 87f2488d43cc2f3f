package org.recourse.statistics.internal.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.recourse.audit.AuditTrail;
import org.recourse.statistics.Source;
import org.recourse.statistics.internal.disclosure.Values;
import org.recourse.statistics.internal.export.Releases;
import org.recourse.statistics.internal.measures.Cell;
import org.recourse.statistics.internal.measures.CellKey;
import org.recourse.statistics.internal.measures.Dimension;
import org.recourse.statistics.internal.measures.Measure;
import org.recourse.statistics.internal.measures.Period;
import org.recourse.statistics.internal.measures.Table;
import org.recourse.statistics.internal.measures.TableSpec;
import org.recourse.statistics.internal.measures.TableSnapshots;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Platform scorecards for staff (unsuppressed), and the DSA art. 22(3) counts of the trusted-flagger report. */
@Service
public class ScorecardQueries {

    static final List<Measure> SCORECARD = List.of(Measure.NOTICES, Measure.SHARE_ACKNOWLEDGED_WITHIN_SLA,
            Measure.HOURS_TO_REMOVAL_MEDIAN, Measure.HOURS_TO_REMOVAL_P90, Measure.SHARE_NEVER_ANSWERED,
            Measure.NOTICES_REFUSED, Measure.ESCALATIONS, Measure.REUPLOADS);

    private final TableSnapshots snapshots;
    private final Releases releases;
    private final Breakdowns breakdowns;
    private final Labels labels;
    private final AuditTrail audit;

    ScorecardQueries(TableSnapshots snapshots, Releases releases, Breakdowns breakdowns, Labels labels, AuditTrail audit) {
        this.snapshots = snapshots;
        this.releases = releases;
        this.breakdowns = breakdowns;
        this.labels = labels;
        this.audit = audit;
    }

    /** Recomputes the kept scorecard figures for {@code period} (background refresh). */
    @Transactional
    public void refresh(Period period) {
        Set<Source> recorded = releases.recorded();
        snapshots.refresh(SCORECARD.stream().filter(m -> recorded.contains(m.source()))
                .map(m -> TableSpec.of(m, Dimension.PLATFORM)).toList(), period);
    }

    @Transactional
    public Scorecard scorecard(Period period, Locale locale) {
        Set<Source> recorded = releases.recorded();
        List<Measure> shown = SCORECARD.stream().filter(m -> recorded.contains(m.source())).toList();
        List<String> notRecorded = SCORECARD.stream().filter(m -> !recorded.contains(m.source()))
                .map(m -> labels.measure(m, locale)).toList();
        Map<Measure, Table> now = new java.util.EnumMap<>(Measure.class);
        Map<Measure, Table> before = new java.util.EnumMap<>(Measure.class);
        Set<String> platforms = new LinkedHashSet<>();
        List<TableSpec> specs = shown.stream().map(m -> TableSpec.of(m, Dimension.PLATFORM)).toList();
        Map<TableSpec, Table> current = snapshots.tables(specs, period).tables();
        Map<TableSpec, Table> previous = snapshots.tables(specs, period.previous()).tables();
        for (Measure m : shown) {
            Table t = current.get(TableSpec.of(m, Dimension.PLATFORM));
            now.put(m, t);
            before.put(m, previous.get(TableSpec.of(m, Dimension.PLATFORM)));
            platforms.addAll(t.categories().get(Dimension.PLATFORM));
        }
        List<Scorecard.Line> lines = new ArrayList<>();
        for (String platform : platforms) {
            lines.add(new Scorecard.Line(platform, values(now, shown, platform), values(before, shown, platform)));
        }
        audit.record("statistics.viewed", "statistics", period.toString(), "platform scorecards");
        return new Scorecard(period.toString(), period.previous().toString(),
                shown.stream().map(m -> labels.measure(m, locale)).toList(), lines, notRecorded);
    }

    private static List<String> values(Map<Measure, Table> tables, List<Measure> measures, String platform) {
        List<String> values = new ArrayList<>();
        for (Measure m : measures) {
            Cell c = tables.get(m).cell(new CellKey(m, Map.of(Dimension.PLATFORM, platform)));
            values.add(c == null ? "–" : blank(Values.format(c, 0)));
        }
        return values;
    }

    private static String blank(String s) {
        return s.isEmpty() ? "–" : s;
    }

    /** DSA art. 22(3): notices by hosting provider, by type of content and by the action the provider took. */
    @Transactional
    public List<Breakdown> dsaCounts(Period period, Locale locale) {
        audit.record("statistics.viewed", "statistics", period.toString(), "DSA art. 22(3) counts");
        return snapshots.tables(Releases.TRUSTED_FLAGGER, period).tables().values().stream().map(t -> breakdowns.staff(t, locale)).toList();
    }
}
