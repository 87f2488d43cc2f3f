package org.recourse.assessment.internal.questions;

import java.util.List;
import java.util.UUID;

/**
 * A question as it was saved in one version of a set; never changed afterwards.
 *
 * @param kind {@code radio}, {@code checkbox}, {@code select} or {@code text}
 */
public record Question(UUID id, int position, String kind, String label, List<String> options, boolean required) {

    public boolean choice() {
        return !"text".equals(kind);
    }
}
