package org.recourse.statistics.internal.export;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.recourse.statistics.Source;
import org.recourse.statistics.StatisticsSource;
import org.recourse.statistics.internal.disclosure.ProtectedRelease;
import org.recourse.statistics.internal.disclosure.Suppressing;
import org.recourse.statistics.internal.measures.Dimension;
import org.recourse.statistics.internal.measures.Measure;
import org.recourse.statistics.internal.measures.Period;
import org.recourse.statistics.internal.measures.TableSpec;
import org.recourse.statistics.internal.measures.TableSnapshots;
import org.recourse.statistics.internal.presets.Preset;
import org.recourse.statistics.internal.presets.Presets;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A release is everything published for one period: the tables of every preset, of the
 * transparency page and of the annual reports, protected together, so no table of it can be combined with another to
 * undo a suppression. Exports and the transparency page read their tables from it.
 */
@Service
public class Releases {

    /** The tables of the public transparency page. */
    public static final List<TableSpec> TRANSPARENCY = List.of(
            TableSpec.of(Measure.CASES, Dimension.FORM),
            TableSpec.of(Measure.CASES, Dimension.CHANNEL),
            TableSpec.of(Measure.NOTICES, Dimension.PLATFORM),
            TableSpec.of(Measure.NOTICES_REMOVED, Dimension.PLATFORM),
            TableSpec.of(Measure.HOURS_TO_REMOVAL_MEDIAN, Dimension.PLATFORM),
            TableSpec.of(Measure.SHARE_REMOVED_WITHIN_7D, Dimension.PLATFORM),
            TableSpec.of(Measure.SHARE_ACKNOWLEDGED_WITHIN_SLA, Dimension.PLATFORM));

    /** The figures every overview and annual report leads with, in order. */
    public static final List<Measure> KEY_FIGURES = List.of(Measure.CASES, Measure.ITEMS, Measure.NOTICES,
            Measure.NOTICES_REMOVED, Measure.HOURS_TO_REMOVAL_MEDIAN, Measure.SHARE_REMOVED_WITHIN_7D, Measure.REFERRALS,
            Measure.ESCALATIONS, Measure.REUPLOADS);

    /** DSA art. 22(3): notices by hosting provider, by type of illegal content and by the provider's action. */
    public static final List<TableSpec> TRUSTED_FLAGGER = List.of(
            TableSpec.of(Measure.NOTICES, Dimension.PLATFORM),
            TableSpec.of(Measure.NOTICES, Dimension.DSA_CATEGORY),
            TableSpec.of(Measure.NOTICES, Dimension.ACTION_TAKEN));

    /** The breakdowns of the hotline's annual report. */
    public static final List<TableSpec> HOTLINE = List.of(
            TableSpec.of(Measure.CASES, Dimension.FORM),
            TableSpec.of(Measure.CASES, Dimension.CHANNEL),
            TableSpec.of(Measure.CASES, Dimension.PROVINCE),
            TableSpec.of(Measure.NOTICES, Dimension.PLATFORM),
            TableSpec.of(Measure.NOTICES, Dimension.ACTION_TAKEN),
            TableSpec.of(Measure.ESCALATIONS, Dimension.ESCALATION_OUTCOME),
            TableSpec.of(Measure.REFERRALS, Dimension.ORGANISATION));

    private final Presets presets;
    private final TableSnapshots snapshots;
    private final Suppressing suppressing;
    private final List<StatisticsSource> sources;

    Releases(Presets presets, TableSnapshots snapshots, Suppressing suppressing, List<StatisticsSource> sources) {
        this.presets = presets;
        this.snapshots = snapshots;
        this.suppressing = suppressing;
        this.sources = sources;
    }

    @Transactional
    public ProtectedRelease of(Period period) {
        Set<Source> recorded = recorded();
        List<TableSpec> wanted = specs(recorded);
        List<org.recourse.statistics.internal.measures.Table> tables = new ArrayList<>(snapshots.tables(wanted, period).tables().values());
        return suppressing.protect(period, tables, recorded);
    }

    /** Recomputes the kept tables of {@code period}'s release (background refresh). */
    @Transactional
    public void refresh(Period period) {
        snapshots.refresh(specs(recorded()), period);
    }

    private List<TableSpec> specs(Set<Source> recorded) {
        Set<TableSpec> specs = new LinkedHashSet<>();
        presets.all().forEach(p -> specs.addAll(p.tables()));
        specs.addAll(TRANSPARENCY);
        KEY_FIGURES.forEach(m -> specs.add(TableSpec.of(m)));
        specs.addAll(TRUSTED_FLAGGER);
        specs.addAll(HOTLINE);
        return specs.stream().filter(spec -> recorded.contains(spec.measure().source())).toList();
    }

    public Set<Source> recorded() {
        Set<Source> recorded = EnumSet.noneOf(Source.class);
        sources.forEach(s -> recorded.add(s.source()));
        return recorded;
    }

    public List<Preset> presets() {
        return presets.all();
    }
}
