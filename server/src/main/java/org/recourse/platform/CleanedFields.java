package org.recourse.platform;

import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The form fields of the current request from which control characters such as NUL were removed
 * before any controller saw them (no text field can hold them). A form shows these fields with an
 * explanation instead of saving silently changed text.
 */
public final class CleanedFields {

    /** The request attribute holding the set of field names. */
    public static final String ATTRIBUTE = "org.recourse.platform.cleaned-fields";

    private CleanedFields() {
    }

    @SuppressWarnings("unchecked")
    public static Set<String> of(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof Set<?> fields ? (Set<String>) fields : Set.of();
    }
}
