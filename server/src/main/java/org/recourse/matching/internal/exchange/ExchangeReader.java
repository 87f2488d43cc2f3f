package org.recourse.matching.internal.exchange;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import org.recourse.matching.SignalType;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads the signals of an exchange file, record by record; what it cannot read it names with its line. */
final class ExchangeReader {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ExchangeReader() {
    }

    static void read(ExchangeFormat format, Reader in, Consumer<ExchangeRecord> records) throws IOException {
        switch (format) {
            case PDQ -> lines(in, (n, line) -> records.accept(ExchangeRecord.of(n, SignalType.PDQ, line)));
            case TE -> lines(in, (n, line) -> records.accept(threatExchange(n, line)));
            case STOPNCII -> stopNcii(in, records);
        }
    }

    private interface LineHandler {
        void line(int number, String text);
    }

    /** Blank lines and {@code #} comments are skipped. */
    private static void lines(Reader in, LineHandler handler) throws IOException {
        BufferedReader reader = new BufferedReader(in);
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            String text = line.strip();
            if (number == 1 && text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            if (!text.isEmpty() && !text.startsWith("#")) {
                handler.line(number, text);
            }
        }
    }

    private static ExchangeRecord threatExchange(int number, String line) {
        String[] parts = line.split("\\s+", 2);
        if (parts.length != 2) {
            return ExchangeRecord.unreadable(number, "expected 'signal_type signal'");
        }
        return SignalType.fromWireName(parts[0])
                .map(type -> ExchangeRecord.of(number, type, parts[1].strip()))
                .orElseGet(() -> ExchangeRecord.unreadable(number, "unknown signal type '" + shorten(parts[0]) + "'"));
    }

    /** A JSON array of records; only records whose hashStatus is Active are signals to bank. */
    private static void stopNcii(Reader in, Consumer<ExchangeRecord> records) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(in);
        } catch (JacksonException e) {
            records.accept(ExchangeRecord.unreadable(1, "not JSON: " + e.getOriginalMessage()));
            return;
        }
        List<JsonNode> items = new ArrayList<>();
        if (root != null && root.isArray()) {
            root.forEach(items::add);
        } else if (root != null && root.isObject()) {
            items.add(root);
        }
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            int number = i + 1;
            String status = text(item, "hashStatus");
            if (status != null && !status.equalsIgnoreCase("active")) {
                continue;
            }
            String type = text(item, "signalType");
            String hex = text(item, "hashValue");
            SignalType signalType = type == null ? null : switch (type.toLowerCase(Locale.ROOT)) {
                case "imagepdq", "pdq" -> SignalType.PDQ;
                case "videomd5", "md5" -> SignalType.MD5;
                default -> null;
            };
            if (signalType == null) {
                records.accept(ExchangeRecord.unreadable(number, "unknown signalType '" + shorten(String.valueOf(type)) + "'"));
            } else if (hex == null) {
                records.accept(ExchangeRecord.unreadable(number, "no hashValue"));
            } else {
                records.accept(ExchangeRecord.of(number, signalType, hex));
            }
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
