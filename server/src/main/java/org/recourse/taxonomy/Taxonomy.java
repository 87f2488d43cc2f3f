package org.recourse.taxonomy;

import java.util.List;
import java.util.Optional;

/** Reads the forms of violence. */
public interface Taxonomy {

    /** Forms that can be chosen today, by group and then by sort order. */
    List<ViolenceForm> activeForms();

    /** A form by its code, active or not (old cases keep pointing at retired forms). */
    Optional<ViolenceForm> find(String code);

    /** Whether {@code code} names a form that can be chosen today. */
    default boolean isActive(String code) {
        return activeForms().stream().anyMatch(form -> form.code().equals(code));
    }
}
