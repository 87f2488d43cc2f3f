package org.recourse.assessment.internal.questions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The plain-text way coordinators write a question set: one question per line,
 * {@code kind: label | option; option}, with {@code *} after the kind for a required question,
 * e.g. {@code radio*: Is the person recognisable? | yes; no; unclear}. A text area is easier to
 * use with a keyboard and a screen reader than a drag-and-drop builder, and the order of the lines
 * is the order of the questions.
 */
final class QuestionText {

    static final List<String> KINDS = List.of("radio", "checkbox", "select", "text");
    static final int MAX_QUESTIONS = 100;
    static final int MAX_LABEL = 500;

    /** A question before it is saved. */
    record Draft(String kind, String label, List<String> options, boolean required) {
    }

    /** The questions, or what is wrong with which line (1-based). */
    record Parsed(List<Draft> questions, List<LineProblem> problems) {
    }

    record LineProblem(int line, String code) {
    }

    private QuestionText() {
    }

    static Parsed parse(String text) {
        List<Draft> drafts = new ArrayList<>();
        List<LineProblem> problems = new ArrayList<>();
        String[] lines = text == null ? new String[0] : text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon < 0) {
                problems.add(new LineProblem(i + 1, "format"));
                continue;
            }
            String kind = line.substring(0, colon).strip().toLowerCase(java.util.Locale.ROOT);
            boolean required = kind.endsWith("*");
            kind = required ? kind.substring(0, kind.length() - 1).strip() : kind;
            String rest = line.substring(colon + 1);
            int bar = rest.indexOf('|');
            String label = (bar < 0 ? rest : rest.substring(0, bar)).strip();
            List<String> options = bar < 0 ? List.of() : Arrays.stream(rest.substring(bar + 1).split(";"))
                    .map(String::strip).filter(o -> !o.isEmpty()).distinct().toList();
            if (!KINDS.contains(kind)) {
                problems.add(new LineProblem(i + 1, "kind"));
            } else if (label.isEmpty() || label.length() > MAX_LABEL) {
                problems.add(new LineProblem(i + 1, "label"));
            } else if ("text".equals(kind) && !options.isEmpty()) {
                problems.add(new LineProblem(i + 1, "text-options"));
            } else if (!"text".equals(kind) && options.size() < 2) {
                problems.add(new LineProblem(i + 1, "options"));
            } else {
                drafts.add(new Draft(kind, label, options, required));
            }
        }
        if (drafts.isEmpty() && problems.isEmpty()) {
            problems.add(new LineProblem(0, "empty"));
        }
        if (drafts.size() > MAX_QUESTIONS) {
            problems.add(new LineProblem(0, "too-many"));
        }
        return new Parsed(drafts, problems);
    }

    static String write(List<Question> questions) {
        StringBuilder out = new StringBuilder();
        for (Question q : questions) {
            out.append(q.kind()).append(q.required() ? "*" : "").append(": ").append(q.label());
            if (!q.options().isEmpty()) {
                out.append(" | ").append(String.join("; ", q.options()));
            }
            out.append('\n');
        }
        return out.toString();
    }
}
