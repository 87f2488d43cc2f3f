package org.recourse.intake.internal.bulk;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads delimited records as RFC 4180 describes them: fields may be quoted, quotes inside are
 * doubled, a quoted field may span lines. Each record carries the line it started on, so errors
 * can point at the line a person sees in a spreadsheet.
 */
final class CsvReader {

    /** One record: its first line number (1-based), its fields and the text it was read from. */
    record Record(int line, List<String> fields, String text) {
    }

    static final int MAX_RECORD_CHARS = 20_000;

    private final Reader in;
    private final char delimiter;
    private int line = 1;
    private int pending = -2;

    CsvReader(Reader in, char delimiter) {
        this.in = in;
        this.delimiter = delimiter;
    }

    /** The next record, or null at the end. A record longer than the limit is cut off there. */
    Record next() throws IOException {
        int c = read();
        if (c == -1) {
            return null;
        }
        int start = line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        StringBuilder text = new StringBuilder();
        boolean quoted = false;
        boolean fieldStarted = false;
        while (c != -1) {
            char ch = (char) c;
            if (quoted) {
                if (ch == '"') {
                    int after = read();
                    if (after == '"') {
                        append(field, text, '"');
                        text.append('"');
                    } else {
                        quoted = false;
                        text.append('"');
                        c = after;
                        continue;
                    }
                } else {
                    if (ch == '\n') {
                        line++;
                    }
                    append(field, text, ch);
                }
            } else if (ch == '"' && !fieldStarted) {
                quoted = true;
                fieldStarted = true;
                text.append('"');
            } else if (ch == delimiter) {
                fields.add(field.toString());
                field.setLength(0);
                fieldStarted = false;
                text.append(ch);
            } else if (ch == '\r' || ch == '\n') {
                if (ch == '\r') {
                    int after = read();
                    if (after != '\n') {
                        pending = after;
                    }
                }
                line++;
                break;
            } else {
                fieldStarted = true;
                append(field, text, ch);
            }
            c = read();
        }
        fields.add(field.toString());
        return new Record(start, fields, text.toString());
    }

    private static void append(StringBuilder field, StringBuilder text, char ch) {
        if (field.length() < MAX_RECORD_CHARS) {
            field.append(ch);
        }
        if (text.length() < MAX_RECORD_CHARS) {
            text.append(ch);
        }
    }

    private int read() throws IOException {
        if (pending != -2) {
            int c = pending;
            pending = -2;
            return c;
        }
        return in.read();
    }
}
