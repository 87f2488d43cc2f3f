package org.recourse.assessment.internal.questions;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One saved version of a question set, with its questions in order. */
public record QuestionSetVersion(UUID id, UUID setId, String name, int version, boolean active, List<Question> questions,
                                 String createdBy, Instant createdAt) {

    /** The questions in the editable text form, one per line, as {@link QuestionText} reads them. */
    public String text() {
        return QuestionText.write(questions);
    }
}
