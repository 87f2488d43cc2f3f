package org.recourse.intake;

import java.time.Instant;
import java.util.List;

/**
 * What the reporter wrote in their own words: the description, the form of violence they named
 * when none fitted, and what they added later on the status page. It is the victim's account, so
 * callers audit the views they show it on. Empty texts after retention or withdrawal are null.
 *
 * @param additions oldest first; a material addition has no text
 */
public record ReporterWords(String description, String otherFormText, List<Addition> additions) {

    /** Something the reporter added after reporting. */
    public record Addition(Instant at, AdditionKind kind, String text) {
    }

    /** Text, or material (files handed to the evidence vault). */
    public enum AdditionKind {
        TEXT, MATERIAL;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
