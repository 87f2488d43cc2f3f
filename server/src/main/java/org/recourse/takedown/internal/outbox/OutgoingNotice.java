package org.recourse.takedown.internal.outbox;

import java.util.UUID;

import org.recourse.takedown.internal.notices.NoticeContent;

/** A notice claimed from the outbox, with everything a channel needs to deliver it. */
public record OutgoingNotice(UUID id, String reference, String recipientKey, String channel, String address,
                             String language, String subject, String body, String messageId, NoticeContent content) {
}
