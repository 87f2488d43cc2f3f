package org.recourse.platform.internal;

import java.util.Optional;
import java.util.stream.Collectors;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;

/**
 * Characters no text field may hold: NUL and the other C0 control characters except tab, line
 * feed and carriage return. PostgreSQL cannot store NUL at all, so letting one through used to end
 * in a 500 after nothing was saved. Form posts get them removed and the field flagged
 * ({@link RequestLimits}); JSON bodies are refused with the field named.
 */
final class ControlCharacters {

    static final String MARKER = "control character";

    private ControlCharacters() {
    }

    static boolean disallowed(char c) {
        return c < 0x20 && c != '\t' && c != '\n' && c != '\r';
    }

    static boolean present(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (disallowed(value.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    static String removed(String value) {
        return value.chars().filter(c -> !disallowed((char) c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    /** Makes every JSON string with such a character a 400 naming its field. */
    static JacksonModule jsonModule() {
        return new SimpleModule("control-characters").addDeserializer(String.class, new Refusing());
    }

    /** The JSON field that held such a character, when that is why the body could not be read. */
    static Optional<String> inJson(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof InvalidFormatException invalid && invalid.getOriginalMessage() != null
                    && invalid.getOriginalMessage().contains(MARKER)) {
                String path = invalid.getPath().stream()
                        .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
                        .collect(Collectors.joining("."))
                        .replace(".[", "[");
                return Optional.of(path.isEmpty() ? "(body)" : path);
            }
        }
        return Optional.empty();
    }

    private static final class Refusing extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
            String value = super.deserialize(parser, context);
            if (value != null && present(value)) {
                throw context.weirdStringException(value.replaceAll("\\p{Cntrl}", "?"), String.class,
                        "contains a " + MARKER + " such as NUL, which no field may hold");
            }
            return value;
        }
    }
}
