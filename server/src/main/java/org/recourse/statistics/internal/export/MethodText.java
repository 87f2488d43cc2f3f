package org.recourse.statistics.internal.export;

import java.util.Locale;

import org.recourse.statistics.internal.measures.Dimension;
import org.recourse.statistics.internal.measures.Measure;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The method and data dictionary that go with every export, in Dutch and English, from the message bundles. */
@Component
class MethodText {

    private final MessageSource messages;

    MethodText(MessageSource messages) {
        this.messages = messages;
    }

    String of(Export export) {
        StringBuilder text = new StringBuilder();
        for (Locale language : new Locale[] {Locale.of("nl"), Locale.ENGLISH}) {
            text.append(m("statistics.method.title", language, export.preset().title(), export.period().toString()))
                    .append("\n\n");
            text.append(m("statistics.method.body", language, export.threshold(), export.symbol(), export.roundingBase()))
                    .append("\n\n");
            text.append(m("statistics.method.dimensions", language)).append("\n");
            for (Dimension d : export.dimensions()) {
                text.append("- ").append(d.code()).append(": ").append(m(d.labelKey() + ".description", language));
                if (!d.categories().isEmpty()) {
                    text.append(" [").append(String.join(", ", d.categories())).append("]");
                }
                text.append("\n");
            }
            text.append("\n").append(m("statistics.method.measures", language)).append("\n");
            export.tables().stream().map(t -> t.spec().measure()).distinct().forEach(measure ->
                    text.append("- ").append(measure.code()).append(": ").append(description(measure, language)).append("\n"));
            text.append("\n");
        }
        return text.toString();
    }

    private String description(Measure measure, Locale language) {
        return m(measure.labelKey() + ".description", language);
    }

    private String m(String key, Locale language, Object... args) {
        return messages.getMessage(key, args, language);
    }
}
