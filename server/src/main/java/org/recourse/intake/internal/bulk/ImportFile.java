package org.recourse.intake.internal.bulk;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import org.recourse.intake.Channel;
import org.recourse.intake.internal.cases.FieldError;
import org.recourse.intake.internal.cases.NewReport;

/**
 * Turns an uploaded CSV file into one report per line. Two formats are read: the established
 * hotline format {@code URL;REFERER;WORKUSER-EMAIL;REFERENCE;SOURCE;TYPE} (with or without that
 * header; only URL is required) and our own format, whose first line names the columns
 * ({@link #OWN_COLUMNS}, comma or semicolon separated, any order).
 */
final class ImportFile {

    static final List<String> HOTLINE_COLUMNS = List.of("URL", "REFERER", "WORKUSER-EMAIL", "REFERENCE", "SOURCE", "TYPE");
    static final List<String> OWN_COLUMNS = List.of("url", "referer", "platform", "account", "description", "forms",
            "reporter_type", "minor", "reference", "source");

    /** Where a report field is read from, to name the column in the error report. */
    private static final Map<String, String> HOTLINE_FIELD_COLUMNS = Map.of("items[0].url", "URL",
            "items[0].referer", "REFERER", "origin.submittedBy", "WORKUSER-EMAIL", "origin.externalReference", "REFERENCE",
            "origin.source", "SOURCE", "forms", "TYPE");
    private static final Map<String, String> OWN_FIELD_COLUMNS = Map.of("items[0].url", "url",
            "items[0].referer", "referer", "items[0].platform", "platform", "items[0].account", "account",
            "items[0].description", "description", "forms", "forms", "reporterType", "reporter_type", "minor", "minor",
            "origin.externalReference", "reference", "origin.source", "source");

    enum Format { HOTLINE, OWN }

    /** A line of the file: either a report or the problems that kept it from being one. */
    record Line(int number, String text, NewReport report, List<FieldError> errors) {
    }

    /** The file cannot be read as a whole (e.g. an unknown column); {@code messageKey} says why. */
    static final class Unreadable extends Exception {
        private final String messageKey;
        private final String detail;

        Unreadable(String messageKey, String detail) {
            super(messageKey, null, false, false);
            this.messageKey = messageKey;
            this.detail = detail;
        }

        String messageKey() {
            return messageKey;
        }

        String detail() {
            return detail;
        }
    }

    private final String content;
    private final Format format;
    private final char delimiter;
    private final List<String> columns;
    private final boolean hasHeader;

    private ImportFile(String content, Format format, char delimiter, List<String> columns, boolean hasHeader) {
        this.content = content;
        this.format = format;
        this.delimiter = delimiter;
        this.columns = columns;
        this.hasHeader = hasHeader;
    }

    static ImportFile of(String content) throws Unreadable {
        String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
        int end = text.indexOf('\n');
        String first = (end < 0 ? text : text.substring(0, end)).replace("\r", "").strip();
        if (first.isEmpty()) {
            throw new Unreadable("intake.import.error.empty", null);
        }
        List<String> hotlineHeader = Arrays.stream(first.split(";", -1)).map(s -> s.strip().toUpperCase(Locale.ROOT)).toList();
        if (hotlineHeader.equals(HOTLINE_COLUMNS)) {
            return new ImportFile(text, Format.HOTLINE, ';', HOTLINE_COLUMNS, true);
        }
        String lower = first.toLowerCase(Locale.ROOT);
        if (!lower.matches("^\"?url\"?\\s*[;,].*") && !lower.matches(".*[;,]\\s*\"?url\"?(\\s*[;,].*)?$") && !lower.equals("url")) {
            return new ImportFile(text, Format.HOTLINE, ';', HOTLINE_COLUMNS, false);
        }
        char delimiter = count(first, ';') >= count(first, ',') ? ';' : ',';
        List<String> names = new ArrayList<>();
        for (String name : first.split(String.valueOf(delimiter), -1)) {
            String column = name.strip().replace("\"", "").toLowerCase(Locale.ROOT);
            if (!OWN_COLUMNS.contains(column) || names.contains(column)) {
                throw new Unreadable("intake.import.error.column", name.strip());
            }
            names.add(column);
        }
        return new ImportFile(text, Format.OWN, delimiter, names, true);
    }

    Format format() {
        return format;
    }

    /** Reads every line in order; blank lines are skipped. */
    void forEachLine(Consumer<Line> action) {
        try {
            CsvReader reader = new CsvReader(new StringReader(content), delimiter);
            if (hasHeader) {
                reader.next();
            }
            CsvReader.Record record;
            while ((record = reader.next()) != null) {
                if (record.fields().size() == 1 && record.fields().getFirst().isBlank()) {
                    continue;
                }
                action.accept(line(record));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The column a report field came from, for the error report. */
    String column(String field) {
        Map<String, String> columns = format == Format.HOTLINE ? HOTLINE_FIELD_COLUMNS : OWN_FIELD_COLUMNS;
        return columns.getOrDefault(field, field);
    }

    private Line line(CsvReader.Record record) {
        if (record.fields().size() > columns.size()) {
            return new Line(record.line(), record.text(), null, List.of(new FieldError("", "intake.import.error.columns")));
        }
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < record.fields().size(); i++) {
            String value = record.fields().get(i).strip();
            values.put(columns.get(i), value.isEmpty() ? null : value);
        }
        NewReport report = format == Format.HOTLINE ? hotline(values) : own(values);
        return new Line(record.line(), record.text(), report, List.of());
    }

    private static NewReport hotline(Map<String, String> v) {
        NewReport.Item item = new NewReport.Item(v.get("URL"), null, null, null, v.get("REFERER"));
        List<String> forms = v.get("TYPE") == null ? List.of() : List.of(v.get("TYPE").toLowerCase(Locale.ROOT));
        return new NewReport(Channel.CSV_IMPORT, null, forms, null, List.of(item), false, null, null, null, null,
                null, null, null, new NewReport.Origin(null, v.get("SOURCE"), v.get("REFERENCE"), v.get("WORKUSER-EMAIL")));
    }

    private static NewReport own(Map<String, String> v) {
        NewReport.Item item = new NewReport.Item(v.get("url"), v.get("platform"), v.get("account"), v.get("description"),
                v.get("referer"));
        List<String> forms = v.get("forms") == null ? List.of()
                : Arrays.stream(v.get("forms").split("[|\\s]+")).filter(s -> !s.isBlank())
                        .map(s -> s.toLowerCase(Locale.ROOT)).toList();
        String reporterType = v.get("reporter_type") == null ? null : v.get("reporter_type").toLowerCase(Locale.ROOT);
        String minor = v.get("minor") == null ? null : v.get("minor").toLowerCase(Locale.ROOT);
        return new NewReport(Channel.CSV_IMPORT, reporterType, forms, null, List.of(item), false, null, null, minor,
                null, null, null, null, new NewReport.Origin(null, v.get("source"), v.get("reference"), null));
    }

    private static int count(String text, char c) {
        return (int) text.chars().filter(ch -> ch == c).count();
    }
}
