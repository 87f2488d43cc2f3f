package org.recourse.statistics.internal.export;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

import org.recourse.statistics.internal.measures.Dimension;

/**
 * Long ("tidy") CSV like SDMX-CSV: UTF-8, comma-separated, header
 * {@code period,<dimensions in the preset's order>,measure,value}, one row per cell; margins are
 * rows whose category is {@code total}; a suppressed cell's value is the symbol; a measure that
 * nothing records yet has one row with the value {@code not_recorded}.
 */
final class CsvExport {

    static final String NOT_RECORDED = "not_recorded";

    private CsvExport() {
    }

    static void write(Export export, Writer out) throws IOException {
        List<String> header = new ArrayList<>();
        header.add("period");
        export.dimensions().forEach(d -> header.add(d.code()));
        header.add("measure");
        header.add("value");
        line(out, header);
        for (ExportedTable table : export.tables()) {
            if (!table.recorded()) {
                List<String> row = new ArrayList<>();
                row.add(export.period().toString());
                export.dimensions().forEach(d -> row.add(Dimension.TOTAL));
                row.add(table.spec().measure().code());
                row.add(NOT_RECORDED);
                line(out, row);
                continue;
            }
            for (ExportedTable.Row r : table.rows()) {
                List<String> row = new ArrayList<>();
                row.add(export.period().toString());
                row.addAll(r.categories());
                row.add(table.spec().measure().code());
                row.add(r.value());
                line(out, row);
            }
        }
    }

    private static void line(Writer out, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(escape(fields.get(i)));
        }
        out.write("\r\n");
    }

    static String escape(String field) {
        String value = field == null ? "" : field;
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
