package org.recourse.statistics.internal.measures;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import org.recourse.statistics.Source;

/**
 * One measure, defined once: the workbench, exports, the scorecards and the transparency page all
 * compute it from this definition. Counts and sums add up over categories (so margins are sums and
 * secondary suppression can protect them); medians, 90th percentiles and shares do not, and are
 * suppressed by their base.
 */
public enum Measure {
    CASES(Unit.CASE, Kind.COUNT, "count(*)", null, null, Source.CASES),
    ITEMS(Unit.CASE, Kind.SUM, "coalesce(sum(items), 0)", null, "cases", Source.CASES),
    NOTICES(Unit.NOTICE, Kind.COUNT, "count(*)", null, null, Source.NOTICES),
    NOTICES_ACKNOWLEDGED(Unit.NOTICE, Kind.COUNT, "count(acknowledged_at)", null, null, Source.NOTICES),
    NOTICES_REMOVED(Unit.NOTICE, Kind.COUNT, "count(" + Sql.REMOVED_AT + ")", null, null, Source.NOTICES),
    NOTICES_REFUSED(Unit.NOTICE, Kind.COUNT, "count(*) filter (where decision = 'refused')", null, null, Source.NOTICES),
    NOTICES_NEVER_ANSWERED(Unit.NOTICE, Kind.COUNT, "count(*) filter (where acknowledged_at is null and decided_at is null)",
            null, null, Source.NOTICES),
    NOTICES_ACKNOWLEDGED_WITHIN_SLA(Unit.NOTICE, Kind.COUNT, "count(*) filter (where acknowledged_at <= sla_due_at)", null,
            null, Source.NOTICES),
    HOURS_TO_ACKNOWLEDGEMENT_MEDIAN(Unit.NOTICE, Kind.STATISTIC, Sql.percentile(0.5, "acknowledged_at"), "notices_acknowledged",
            null, Source.NOTICES),
    HOURS_TO_ACKNOWLEDGEMENT_P90(Unit.NOTICE, Kind.STATISTIC, Sql.percentile(0.9, "acknowledged_at"), "notices_acknowledged",
            null, Source.NOTICES),
    HOURS_TO_REMOVAL_MEDIAN(Unit.NOTICE, Kind.STATISTIC, Sql.percentile(0.5, Sql.REMOVED_AT), "notices_removed", null,
            Source.NOTICES),
    HOURS_TO_REMOVAL_P90(Unit.NOTICE, Kind.STATISTIC, Sql.percentile(0.9, Sql.REMOVED_AT), "notices_removed", null,
            Source.NOTICES),
    SHARE_REMOVED_WITHIN_24H(Unit.NOTICE, Kind.SHARE, Sql.removedWithin("24 hours"), "notices", "removed_within_24h",
            Source.NOTICES),
    SHARE_REMOVED_WITHIN_7D(Unit.NOTICE, Kind.SHARE, Sql.removedWithin("7 days"), "notices", "removed_within_7d",
            Source.NOTICES),
    SHARE_ACKNOWLEDGED_WITHIN_SLA(Unit.NOTICE, Kind.SHARE, "count(*) filter (where acknowledged_at <= sla_due_at)", "notices",
            "notices_acknowledged_within_sla", Source.NOTICES),
    SHARE_NEVER_ANSWERED(Unit.NOTICE, Kind.SHARE, "count(*) filter (where acknowledged_at is null and decided_at is null)",
            "notices", "notices_never_answered", Source.NOTICES),
    REFERRALS(Unit.REFERRAL, Kind.COUNT, "count(*)", null, null, Source.REFERRALS),
    ESCALATIONS(Unit.NOTICE, Kind.COUNT, "count(escalated_at)", null, null, Source.ESCALATIONS),
    REUPLOADS(Unit.REUPLOAD, Kind.COUNT, "count(*)", null, null, Source.REUPLOADS);

    public enum Kind {
        /** A number of things; adds up over categories. */
        COUNT,
        /** A sum over things (items in cases); adds up, protected by the count of things. */
        SUM,
        /** A median or percentile in hours over the things with a time; shown only with a large enough base. */
        STATISTIC,
        /** A percentage of a base count; shown only when neither part is small. */
        SHARE
    }

    private final Unit unit;
    private final Kind kind;
    private final String aggregate;
    private final String base;
    private final String part;
    private final Source source;

    /**
     * @param base for statistics: the count measure of things it is computed over; for shares, the denominator
     * @param part for shares: what is counted in the numerator (a count measure's code, or a name of its own);
     *             for sums: the count measure of things summed over
     */
    Measure(Unit unit, Kind kind, String aggregate, String base, String part, Source source) {
        this.unit = unit;
        this.kind = kind;
        this.aggregate = aggregate;
        this.base = base;
        this.part = part;
        this.source = source;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Measure> fromCode(String code) {
        return Arrays.stream(values()).filter(m -> m.code().equals(code.strip().toLowerCase(Locale.ROOT))).findFirst();
    }

    public Unit unit() {
        return unit;
    }

    public Kind kind() {
        return kind;
    }

    public boolean additive() {
        return kind == Kind.COUNT || kind == Kind.SUM;
    }

    /** The SQL aggregate over rows of the unit's table (aliased {@code f}). */
    public String aggregate() {
        return aggregate;
    }

    /** The SQL counting the rows behind one cell's value (for suppression by base). */
    public String baseAggregate() {
        return switch (kind) {
            case COUNT -> aggregate;
            case SUM -> "count(*)";
            case STATISTIC -> Measure.fromCode(base).orElseThrow().aggregate();
            case SHARE -> Measure.fromCode(base).orElseThrow().aggregate();
        };
    }

    /** The numerator's count measure of a share, if it is one of the published measures. */
    public Optional<Measure> numeratorMeasure() {
        return kind == Kind.SHARE ? fromCode(part) : Optional.empty();
    }

    /** The count measure a statistic or share is based on. */
    public Optional<Measure> baseMeasure() {
        return base == null ? Optional.empty() : fromCode(base);
    }

    public Source source() {
        return source;
    }

    public String labelKey() {
        return "statistics.measure." + code();
    }

    private static final class Sql {
        static final String REMOVED_AT = "coalesce(removed_at, case when decision = 'removed' then decided_at end)";

        static String percentile(double p, String at) {
            return "(percentile_cont(" + p + ") within group (order by extract(epoch from (" + at
                    + " - sent_at)) / 3600.0))::float8";
        }

        static String removedWithin(String interval) {
            return "count(*) filter (where " + REMOVED_AT + " <= sent_at + interval '" + interval + "')";
        }
    }
}
