package org.recourse.statistics.internal.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.recourse.audit.AuditTrail;
import org.recourse.statistics.Source;
import org.recourse.statistics.internal.disclosure.Values;
import org.recourse.statistics.internal.export.Releases;
import org.recourse.statistics.internal.measures.Cell;
import org.recourse.statistics.internal.measures.Dimension;
import org.recourse.statistics.internal.measures.Measure;
import org.recourse.statistics.internal.measures.Period;
import org.recourse.statistics.internal.measures.Table;
import org.recourse.statistics.internal.measures.TableSnapshots;
import org.recourse.statistics.internal.measures.TableSpec;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The unsuppressed figures for staff (coordinators, admins), from the same measure definitions as exports. */
@Service
public class StatisticsQueries {

    static final List<Measure> KEY_FIGURES = Releases.KEY_FIGURES;

    static final List<TableSpec> BREAKDOWNS = List.of(
            TableSpec.of(Measure.CASES, Dimension.CHANNEL),
            TableSpec.of(Measure.CASES, Dimension.FORM),
            TableSpec.of(Measure.CASES, Dimension.GENDER),
            TableSpec.of(Measure.CASES, Dimension.AGE_BAND),
            TableSpec.of(Measure.CASES, Dimension.RELATIONSHIP),
            TableSpec.of(Measure.CASES, Dimension.POLICE_CONTACTED),
            TableSpec.of(Measure.CASES, Dimension.PROVINCE),
            TableSpec.of(Measure.NOTICES, Dimension.PLATFORM),
            TableSpec.of(Measure.NOTICES, Dimension.ACTION_TAKEN),
            TableSpec.of(Measure.ESCALATIONS, Dimension.ESCALATION_OUTCOME),
            TableSpec.of(Measure.REUPLOADS, Dimension.PLATFORM),
            TableSpec.of(Measure.REFERRALS, Dimension.ORGANISATION));

    private final TableSnapshots snapshots;
    private final Releases releases;
    private final Breakdowns breakdowns;
    private final Labels labels;
    private final AuditTrail audit;

    StatisticsQueries(TableSnapshots snapshots, Releases releases, Breakdowns breakdowns, Labels labels,
                      AuditTrail audit) {
        this.snapshots = snapshots;
        this.releases = releases;
        this.breakdowns = breakdowns;
        this.labels = labels;
        this.audit = audit;
    }

    /** The specs the overview computes in one go, given what is recorded. */
    List<TableSpec> overviewSpecs() {
        Set<Source> recorded = releases.recorded();
        List<TableSpec> wanted = new ArrayList<>();
        KEY_FIGURES.stream().filter(m -> recorded.contains(m.source())).forEach(m -> wanted.add(TableSpec.of(m)));
        BREAKDOWNS.stream().filter(t -> recorded.contains(t.measure().source())).forEach(wanted::add);
        return wanted;
    }

    /** Recomputes the kept figures of the overview for {@code period} (background refresh; no one views them). */
    @Transactional
    public void refresh(Period period) {
        snapshots.refresh(overviewSpecs(), period);
        snapshots.refreshMonthly(Measure.CASES, period.year());
    }

    @Transactional
    public Overview overview(Period period, Locale locale) {
        Set<Source> recorded = releases.recorded();
        TableSnapshots.Snapshot snapshot = snapshots.tables(overviewSpecs(), period);
        Map<TableSpec, Table> computed = snapshot.tables();
        List<Overview.KeyFigure> keys = new ArrayList<>();
        for (Measure m : KEY_FIGURES) {
            boolean has = recorded.contains(m.source());
            String shown = has ? Values.format(computed.get(TableSpec.of(m)).total(), 0)
                    : labels.text("statistics.not-recorded", locale);
            keys.add(new Overview.KeyFigure("key-" + m.code().replace('_', '-'), labels.measure(m, locale),
                    shown.isEmpty() ? "–" : shown, has));
        }
        List<Cell> months = snapshots.monthly(Measure.CASES, period.year());
        List<String> monthLabels = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        List<String> shown = new ArrayList<>();
        List<Breakdown.Row> trendRows = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String label = String.format("%d-%02d", period.year(), i + 1);
            String text = Values.format(months.get(i), 0);
            monthLabels.add(label);
            values.add(months.get(i).value());
            shown.add(text);
            trendRows.add(new Breakdown.Row(label, text));
        }
        List<Breakdown> tables = new ArrayList<>();
        for (TableSpec spec : BREAKDOWNS) {
            if (recorded.contains(spec.measure().source())) {
                tables.add(breakdowns.staff(computed.get(spec), locale));
            }
        }
        audit.record("statistics.viewed", "statistics", period.toString(), "unsuppressed overview");
        return new Overview(period.toString(), snapshot.computedAt(), keys, Chart.line("chart-trend", monthLabels, values, shown), trendRows, tables);
    }
}
