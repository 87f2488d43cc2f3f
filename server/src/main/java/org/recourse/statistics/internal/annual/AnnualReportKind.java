package org.recourse.statistics.internal.annual;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.recourse.statistics.internal.export.Releases;
import org.recourse.statistics.internal.measures.Measure;
import org.recourse.statistics.internal.measures.TableSpec;

/**
 * The two annual reports: the trusted-flagger report a DSA art. 22(3) trusted flagger publishes at
 * least once a year, and the hotline's own annual report. Each has its editable sections (those
 * in {@link #required} must be filled before publishing), its key figures and its tables, all
 * taken from the year's protected release.
 */
public enum AnnualReportKind {

    TRUSTED_FLAGGER("dsa-22", List.of(AnnualSection.INTRODUCTION, AnnualSection.INDEPENDENCE),
            List.of(AnnualSection.INDEPENDENCE), List.of(Measure.NOTICES, Measure.NOTICES_REMOVED), Releases.TRUSTED_FLAGGER),
    HOTLINE("hotline", List.of(AnnualSection.INTRODUCTION, AnnualSection.OUTLOOK),
            List.of(AnnualSection.INTRODUCTION), Releases.KEY_FIGURES, Releases.HOTLINE);

    private final String code;
    private final List<AnnualSection> sections;
    private final List<AnnualSection> required;
    private final List<Measure> keyFigures;
    private final List<TableSpec> tables;

    AnnualReportKind(String code, List<AnnualSection> sections, List<AnnualSection> required, List<Measure> keyFigures,
                     List<TableSpec> tables) {
        this.code = code;
        this.sections = sections;
        this.required = required;
        this.keyFigures = keyFigures;
        this.tables = tables;
    }

    public String code() {
        return code;
    }

    public List<AnnualSection> sections() {
        return sections;
    }

    public List<AnnualSection> required() {
        return required;
    }

    public List<Measure> keyFigures() {
        return keyFigures;
    }

    public List<TableSpec> tables() {
        return tables;
    }

    /** The message-bundle key of the report's title. */
    public String titleKey() {
        return "statistics.annual." + code + ".title";
    }

    public static Optional<AnnualReportKind> fromCode(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
    }
}
