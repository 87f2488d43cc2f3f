package org.recourse.statistics.internal.web;

import java.util.Locale;

import org.recourse.statistics.internal.measures.Dimension;
import org.recourse.statistics.internal.measures.Measure;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Names of measures, dimensions and categories in the reader's language; a category without a name shows its code. */
@Component
public class Labels {

    private final MessageSource messages;

    Labels(MessageSource messages) {
        this.messages = messages;
    }

    public String measure(Measure m, Locale locale) {
        return messages.getMessage(m.labelKey(), null, m.code(), locale);
    }

    public String dimension(Dimension d, Locale locale) {
        return messages.getMessage(d.labelKey(), null, d.code(), locale);
    }

    public String category(Dimension d, String category, Locale locale) {
        return messages.getMessage("statistics.category." + d.code() + "." + category, null,
                messages.getMessage("statistics.category." + category, null, category, locale), locale);
    }

    public String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
