package org.recourse.statistics.internal.export;

import java.io.IOException;
import java.io.OutputStream;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.recourse.statistics.internal.measures.Dimension;

/** The XLSX export: sheet "data" holds the same rows as the CSV (numbers as numbers), sheet "method" the method and data dictionary. */
final class XlsxExport {

    private XlsxExport() {
    }

    static void write(Export export, String method, OutputStream out) throws IOException {
        Workbook workbook = new Workbook(out, "Recourse", "1.0");
        Worksheet data = workbook.newWorksheet("data");
        int col = 0;
        data.value(0, col++, "period");
        for (Dimension d : export.dimensions()) {
            data.value(0, col++, d.code());
        }
        data.value(0, col++, "measure");
        data.value(0, col, "value");
        int row = 1;
        for (ExportedTable table : export.tables()) {
            if (!table.recorded()) {
                int c = 0;
                data.value(row, c++, export.period().toString());
                for (int i = 0; i < export.dimensions().size(); i++) {
                    data.value(row, c++, Dimension.TOTAL);
                }
                data.value(row, c++, table.spec().measure().code());
                data.value(row++, c, CsvExport.NOT_RECORDED);
                continue;
            }
            for (ExportedTable.Row r : table.rows()) {
                int c = 0;
                data.value(row, c++, export.period().toString());
                for (String category : r.categories()) {
                    data.value(row, c++, category);
                }
                data.value(row, c++, table.spec().measure().code());
                if (r.suppressed() || r.value().isEmpty()) {
                    data.value(row, c, r.value());
                } else {
                    data.value(row, c, Double.parseDouble(r.value()));
                }
                row++;
            }
        }
        Worksheet methodSheet = workbook.newWorksheet("method");
        String[] lines = method.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            methodSheet.value(i, 0, lines[i]);
        }
        workbook.finish();
    }
}
