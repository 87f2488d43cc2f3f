package org.recourse.takedown.internal.outbox;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.recourse.takedown.internal.notices.NoticeContent;

/**
 * The JSON body {@link PlatformApiChannel} posts to a platform's notice API: a DSA art. 16 notice
 * with every element a platform needs to act, and the full human-readable text. Documented as the
 * OpenAPI webhook {@code notice} (see {@link NoticeWebhookDocumentation}).
 */
@Schema(name = "Notice", description = "A notice of illegal content (DSA art. 16) sent by the hotline")
record NoticeMessage(
        @Schema(description = "The hotline's notice reference; also sent as Idempotency-Key, the same on every retry",
                example = "TD-7K3MQ9TXAB", requiredMode = Schema.RequiredMode.REQUIRED) String reference,
        @Schema(description = "Language of the notice text", allowableValues = {"nl", "en"},
                requiredMode = Schema.RequiredMode.REQUIRED) String language,
        @Schema(description = "Sent as a trusted flagger (DSA art. 22): to be handled with priority",
                requiredMode = Schema.RequiredMode.REQUIRED) boolean trustedFlagger,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<Item> items,
        @Schema(description = "Who sends the notice (art. 16(2)(c)); null when left out for child sexual abuse material")
        Notifier notifier,
        @Schema(description = "Why the notifier is left out (child_sexual_abuse_material), when it is; otherwise null")
        String notifierLeftOutReason,
        @Schema(description = "The statement of good faith (art. 16(2)(d)) is made", requiredMode = Schema.RequiredMode.REQUIRED)
        boolean goodFaithStatement,
        @Schema(description = "The notice as text, exactly as the e-mail version says it", requiredMode = Schema.RequiredMode.REQUIRED)
        String text) {

    @Schema(name = "NoticeItem", description = "One piece of content to act on")
    record Item(
            @Schema(description = "Exact location (art. 16(2)(b))", format = "uri", requiredMode = Schema.RequiredMode.REQUIRED)
            String url,
            @Schema(description = "SHA-256 of the content as the hotline captured it, lowercase hex")
            List<String> sha256,
            @Schema(description = "The hotline's assessment", example = "ILLEGAL", requiredMode = Schema.RequiredMode.REQUIRED)
            String legalStatus,
            @Schema(description = "Legal provisions the content breaks", example = "[\"art. 139h Sr\"]") List<String> legalGrounds,
            @Schema(description = "Why the content is illegal (art. 16(2)(a))", requiredMode = Schema.RequiredMode.REQUIRED)
            String explanation,
            @Schema(description = "Forms of violence found, as codes (e.g. non_consensual_sharing, deepfake, doxing)")
            List<String> forms) {
    }

    @Schema(name = "NoticeNotifier")
    record Notifier(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String name,
                    @Schema(format = "email", requiredMode = Schema.RequiredMode.REQUIRED) String email) {
    }

    static NoticeMessage of(OutgoingNotice notice) {
        NoticeContent content = notice.content();
        List<Item> items = content.items().stream().map(item -> new Item(item.url(), item.hashes(), item.legalStatus(),
                item.legalGrounds(), item.substantiation(), item.forms())).toList();
        return new NoticeMessage(notice.reference(), notice.language(), content.trustedFlagger(), items,
                content.notifierLeftOut() ? null : new Notifier(content.notifierName(), content.notifierEmail()),
                content.notifierLeftOut() ? "child_sexual_abuse_material" : null, true, notice.body());
    }
}
