package org.recourse.platform;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes CSV that is safe to open in a spreadsheet (the one CSV writer for what people download): a cell starting with {@code = + - @} (or a tab
 * or carriage return, which some programs skip before evaluating) is prefixed with an apostrophe so
 * it is shown as text instead of being run as a formula; every cell is quoted.
 */
public final class CsvCells {

    private CsvCells() {
    }

    public static String neutralise(String cell) {
        if (cell == null || cell.isEmpty()) {
            return "";
        }
        char first = cell.charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
            return "'" + cell;
        }
        return cell;
    }

    public static String row(List<String> cells) {
        return cells.stream()
                .map(cell -> '"' + neutralise(cell).replace("\"", "\"\"") + '"')
                .collect(Collectors.joining(";")) + "\r\n";
    }
}
