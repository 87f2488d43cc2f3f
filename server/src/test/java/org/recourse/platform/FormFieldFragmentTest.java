package org.recourse.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every form shows a field's error through the one fragment {@code fragments/field :: error}: no
 * template writes its own error paragraph, so every error carries the id its field points at and
 * looks the same everywhere.
 */
class FormFieldFragmentTest {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Path FRAGMENT = TEMPLATES.resolve("fragments/field.html");

    @Test
    void noTemplateWritesItsOwnErrorMessage() throws IOException {
        assertThat(handWritten()).as("templates with a hand-written error message; use fragments/field :: error").isEmpty();
    }

    @Test
    void theFragmentIsWhereTheErrorMarkupLives() throws IOException {
        assertThat(Files.readString(FRAGMENT)).contains("th:fragment=\"error(id, text)\"", "class=\"error-message\"");
    }

    private static List<Path> handWritten() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(f -> f.toString().endsWith(".html") && !f.equals(FRAGMENT))
                    .filter(f -> read(f).contains("class=\"error-message\"") || read(f).contains("class=\"error\""))
                    .toList();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException(file + ": " + e.getMessage(), e);
        }
    }
}
