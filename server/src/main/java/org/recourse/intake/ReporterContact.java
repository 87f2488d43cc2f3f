package org.recourse.intake;

/**
 * How the reporter agreed to be reached: only when she agreed on the form (or told the hotline),
 * and only what she gave. Callers audit what they do with it; never log it.
 */
public record ReporterContact(String email, String phone) {

    public boolean any() {
        return (email != null && !email.isBlank()) || (phone != null && !phone.isBlank());
    }
}
