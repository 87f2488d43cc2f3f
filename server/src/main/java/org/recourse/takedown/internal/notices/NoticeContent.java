package org.recourse.takedown.internal.notices;

import java.time.Instant;
import java.util.List;

/**
 * What a notice says, before it is put into a template.
 *
 * @param notifierName  null when the notifier is left out (child sexual abuse material, DSA art. 16(2)(c))
 * @param items         the content, each with its exact location and explanation
 */
public record NoticeContent(String reference, String recipientName, boolean trustedFlagger, String notifierName,
                            String notifierEmail, List<Item> items) {

    public NoticeContent {
        items = List.copyOf(items);
    }

    /**
     * One reported item.
     *
     * @param hashes    SHA-256 of the content as captured, identifying it beyond the URL (art. 16(2)(b))
     * @param forms     codes of the forms of violence the assessment found (taxonomy codes, e.g. {@code doxing})
     * @param decidedAt when the take-down decision took effect, the content being online then
     */
    public record Item(String url, List<String> hashes, String legalStatus, List<String> legalGrounds,
                       String substantiation, List<String> forms, Instant decidedAt) {

        public Item {
            hashes = List.copyOf(hashes);
            legalGrounds = List.copyOf(legalGrounds);
            forms = List.copyOf(forms);
        }
    }

    public boolean notifierLeftOut() {
        return notifierName == null;
    }
}
