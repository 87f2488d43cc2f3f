package org.recourse.taxonomy;

import java.util.List;
import java.util.Set;

/**
 * Changes the taxonomy: admins add new forms (e.g. a new kind of AI abuse) and retire old ones.
 * Forms are never deleted, because old cases and statistics keep pointing at them. Every change
 * is audited; other nodes see it within {@link Taxonomy}'s few seconds of caching.
 */
public interface TaxonomyEditor {

    /** Every form, active or retired, by group and then by sort order. */
    List<ViolenceForm> all();

    /** Codes of the retired forms. */
    Set<String> retired();

    /** @return false when the code is taken */
    boolean add(ViolenceForm form);

    /** Retires a form ({@code active = false}) or brings it back; does nothing for an unknown code. */
    void setActive(String code, boolean active);
}
