package org.recourse.statistics.internal.export;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.recourse.statistics.internal.measures.Dimension;

import tools.jackson.databind.json.JsonMapper;

/** The JSON export; its shape is documented in {@code docs/statistics-exports.md}. */
final class JsonExport {

    private JsonExport() {
    }

    static void write(Export export, String method, Writer out) throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("period", export.period().toString());
        root.put("preset", export.preset().name());
        root.put("title", export.preset().title());
        root.put("created_at", export.createdAt().toString());
        root.put("suppression", Map.of("threshold", export.threshold(), "symbol", export.symbol(),
                "percentages_rounded_to_5_below", export.roundingBase()));
        root.put("dimensions", export.dimensions().stream().map(Dimension::code).toList());
        List<Object> tables = new ArrayList<>();
        for (ExportedTable t : export.tables()) {
            Map<String, Object> table = new LinkedHashMap<>();
            table.put("measure", t.spec().measure().code());
            table.put("dimensions", t.spec().dimensions().stream().map(Dimension::code).toList());
            table.put("recorded", t.recorded());
            List<Object> cells = new ArrayList<>();
            for (ExportedTable.Row r : t.rows()) {
                Map<String, Object> cell = new LinkedHashMap<>();
                for (Dimension d : t.spec().dimensions()) {
                    cell.put(d.code(), r.categories().get(export.dimensions().indexOf(d)));
                }
                cell.put("value", r.suppressed() || r.value().isEmpty() ? (r.value().isEmpty() ? null : r.value())
                        : number(r.value()));
                cell.put("suppressed", r.suppressed());
                cells.add(cell);
            }
            table.put("cells", cells);
            tables.add(table);
        }
        root.put("tables", tables);
        root.put("method", method);
        out.write(JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(root));
    }

    private static Object number(String value) {
        return value.contains(".") ? (Object) Double.parseDouble(value) : (Object) Long.parseLong(value);
    }
}
