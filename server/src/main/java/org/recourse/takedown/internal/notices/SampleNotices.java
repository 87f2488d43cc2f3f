package org.recourse.takedown.internal.notices;

import java.time.Instant;
import java.util.List;

/**
 * The fictitious notice shown in the template editor's preview and printed by
 * {@code ./recourse notice sample}: the same content every time, so a platform can build its
 * parser against it and compare outputs.
 */
public final class SampleNotices {

    public static final String RECIPIENT = "Example Hosting B.V.";
    public static final String URL = "https://example.org/post/123";
    /** SHA-256 of the bytes {@code test}: a well-known value, recognisable as an example. */
    public static final String SHA256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    public static final Instant DECIDED_AT = Instant.parse("2026-01-15T09:30:00Z");

    private SampleNotices() {
    }

    /** One item assessed as {@code form} (a taxonomy code), with the legal ground that usually goes with it. */
    public static NoticeContent content(String reference, String recipientName, boolean trustedFlagger,
                                        String notifierName, String notifierEmail, String form) {
        String ground = "doxing".equals(form) ? "art. 285d Sr" : "art. 139h Sr";
        return new NoticeContent(reference, recipientName, trustedFlagger, notifierName, notifierEmail,
                List.of(new NoticeContent.Item(URL, List.of(SHA256), "ILLEGAL", List.of(ground),
                        "Example substantiation written by the analyst.", List.of(form), DECIDED_AT)));
    }
}
