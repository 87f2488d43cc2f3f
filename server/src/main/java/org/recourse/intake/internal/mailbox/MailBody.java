package org.recourse.intake.internal.mailbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.recourse.intake.Channel;
import org.recourse.intake.internal.cases.NewReport;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The YAML body of an intake mail. New reports are a list under {@code reports} (or a single
 * mapping) using the field names of the partner API: {@code url}, {@code urls}, {@code platform},
 * {@code account}, {@code description}, {@code forms}, {@code reporter_type}, {@code minor},
 * {@code reference}. YAML 1.1 reads a bare {@code yes}/{@code no} as a boolean; it is turned back
 * into the answer code. Removal messages list {@code urls}. Only plain data is read (no tags, no
 * aliases), and the size is bounded, so a hostile body cannot make the parser do much work.
 */
final class MailBody {

    static final int MAX_CHARS = 200_000;

    private MailBody() {
    }

    static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message, null, false, false);
        }
    }

    static List<NewReport> reports(String yaml, String source, String organisation) throws Unreadable {
        Object root = load(yaml);
        List<?> entries;
        if (root instanceof Map<?, ?> map && map.get("reports") instanceof List<?> list) {
            entries = list;
        } else if (root instanceof Map<?, ?> map) {
            entries = List.of(map);
        } else if (root instanceof List<?> list) {
            entries = list;
        } else {
            throw new Unreadable("body is not a mapping or list");
        }
        List<NewReport> reports = new ArrayList<>();
        for (Object entry : entries) {
            if (!(entry instanceof Map<?, ?> fields)) {
                throw new Unreadable("report is not a mapping");
            }
            reports.add(report(fields, source, organisation));
        }
        return reports;
    }

    static List<String> urls(String yaml) throws Unreadable {
        Object root = load(yaml);
        Object urls = root instanceof Map<?, ?> map ? map.get("urls") : root;
        return strings(urls);
    }

    private static NewReport report(Map<?, ?> fields, String source, String organisation) throws Unreadable {
        List<NewReport.Item> items = new ArrayList<>();
        List<String> urls = new ArrayList<>(strings(fields.get("urls")));
        if (fields.get("url") != null) {
            urls.addFirst(text(fields.get("url")));
        }
        String platform = text(fields.get("platform"));
        String account = text(fields.get("account"));
        for (String url : urls) {
            items.add(new NewReport.Item(url, platform, account, null, null));
        }
        if (urls.isEmpty()) {
            items.add(new NewReport.Item(null, platform, account, null, null));
        }
        List<String> forms = strings(fields.get("forms")).stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
        return new NewReport(Channel.MAILBOX, lower(fields.get("reporter_type")), forms, text(fields.get("other_form")),
                items, false, null, null, lower(fields.get("minor")), null, text(fields.get("description")), null, null,
                new NewReport.Origin(organisation, source, text(fields.get("reference")), null));
    }

    private static Object load(String yaml) throws Unreadable {
        if (yaml == null || yaml.isBlank()) {
            throw new Unreadable("empty body");
        }
        if (yaml.length() > MAX_CHARS) {
            throw new Unreadable("body too long");
        }
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(0);
        options.setCodePointLimit(MAX_CHARS);
        options.setNestingDepthLimit(10);
        try {
            return new Yaml(new SafeConstructor(options)).load(yaml);
        } catch (YAMLException e) {
            throw new Unreadable("not valid YAML");
        }
    }

    private static List<String> strings(Object value) throws Unreadable {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            List<String> out = new ArrayList<>();
            for (Object element : list) {
                out.add(text(element));
            }
            return out;
        }
        return List.of(text(value));
    }

    private static String text(Object value) throws Unreadable {
        if (value == null) {
            return null;
        }
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            throw new Unreadable("expected a single value");
        }
        if (value instanceof Boolean yes) {
            return yes ? "yes" : "no";
        }
        return value.toString();
    }

    private static String lower(Object value) throws Unreadable {
        String text = text(value);
        return text == null ? null : text.toLowerCase(Locale.ROOT);
    }
}
