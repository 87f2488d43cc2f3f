package org.recourse.intake.internal.cases;

/**
 * A problem with one field: {@code field} is the path in the report ({@code items[1].url},
 * {@code contact.email}), {@code messageKey} the explanation in the message bundle, {@code limit}
 * the maximum length where that is the problem (the message's argument {0}).
 */
public record FieldError(String field, String messageKey, Integer limit) {

    public FieldError(String field, String messageKey) {
        this(field, messageKey, null);
    }

    public Object[] arguments() {
        return limit == null ? new Object[0] : new Object[] {limit};
    }
}
