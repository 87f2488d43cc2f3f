package org.recourse.statistics.internal.annual;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.recourse.platform.CsvCells;
import org.recourse.platform.PdfDocuments;
import org.recourse.statistics.internal.web.Breakdown;
import org.recourse.statistics.internal.web.Labels;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * An annual report as files: a PDF (the page template {@code statistics/annual-document}, bars drawn
 * with CSS from the same chart geometry as the staff page) and a CSV of every figure in it, with
 * headers and labels in the report's language.
 */
@Component
public class AnnualDocuments {

    private final ITemplateEngine templates;
    private final Labels labels;

    AnnualDocuments(ITemplateEngine templates, Labels labels) {
        this.templates = templates;
        this.labels = labels;
    }

    public byte[] pdf(AnnualReports.AnnualReport report) {
        Context context = new Context(report.language().locale(), Map.of("report", report, "font", PdfDocuments.fontFamily()));
        try {
            return PdfDocuments.render(templates.process("statistics/annual-document", context));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public byte[] csv(AnnualReports.AnnualReport report) {
        var locale = report.language().locale();
        StringBuilder out = new StringBuilder("\uFEFF");
        out.append(CsvCells.row(List.of(labels.text("statistics.annual.csv.year", locale),
                labels.text("statistics.annual.csv.measure", locale), labels.text("statistics.annual.csv.breakdown", locale),
                labels.text("statistics.annual.csv.category", locale), labels.text("statistics.annual.csv.value", locale))));
        String year = Integer.toString(report.year());
        String previous = Integer.toString(report.year() - 1);
        String total = labels.text("statistics.total", locale);
        for (AnnualReports.KeyFigure k : report.keyFigures()) {
            out.append(CsvCells.row(List.of(year, k.label(), "", total, k.shown())));
            out.append(CsvCells.row(List.of(previous, k.label(), "", total, k.previous())));
        }
        for (Breakdown b : report.breakdowns()) {
            for (Breakdown.Row row : b.rows()) {
                out.append(CsvCells.row(List.of(year, b.measure(), b.dimension(), row.category(), row.shown())));
            }
            out.append(CsvCells.row(List.of(year, b.measure(), b.dimension(), total, b.total())));
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static String fileName(AnnualReportKind kind, int year, ReportLanguage language, String extension) {
        return kind.code() + "-" + year + "-" + language.code() + "." + extension;
    }
}
