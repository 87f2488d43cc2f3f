package org.recourse.takedown.internal.responses;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;

/**
 * Reads delivery status notifications (RFC 3464): a {@code multipart/report} with
 * {@code report-type=delivery-status} whose {@code message/delivery-status} part names, per
 * recipient, the action ({@code failed} is a bounce), the status code and the receiving server's
 * diagnostic; the returned headers ({@code message/rfc822} or {@code text/rfc822-headers}) carry
 * the Message-ID of the notice it is about.
 */
final class DeliveryStatusReports {

    /**
     * A bounce: why, in words, and what it returns.
     *
     * @param originalMessageId the Message-ID of the returned message, when the report includes its headers
     * @param reference         the notice reference from the returned headers ({@code X-Recourse-Reference}), when present
     */
    record Bounce(String reason, String originalMessageId, String reference) {
    }

    private static final int MAX_REASON = 500;

    private DeliveryStatusReports() {
    }

    /** The bounce a message reports, or empty when it is no delivery status report or reports no failure. */
    static Optional<Bounce> bounce(MimeMessage message) throws MessagingException, IOException {
        if (!message.isMimeType("multipart/report")) {
            return Optional.empty();
        }
        String reportType = new ContentType(message.getContentType()).getParameter("report-type");
        if (reportType == null || !reportType.equalsIgnoreCase("delivery-status")) {
            return Optional.empty();
        }
        Multipart parts = (Multipart) message.getContent();
        List<String> failures = new ArrayList<>();
        String messageId = null;
        String reference = null;
        for (int i = 0; i < parts.getCount(); i++) {
            Part part = parts.getBodyPart(i);
            if (part.isMimeType("message/delivery-status")) {
                failures.addAll(failedRecipients(part));
            } else if (part.isMimeType("message/rfc822") || part.isMimeType("text/rfc822-headers")) {
                InternetHeaders returned = returnedHeaders(part);
                messageId = first(returned, "Message-ID");
                reference = first(returned, "X-Recourse-Reference");
            }
        }
        if (failures.isEmpty()) {
            return Optional.empty();
        }
        String reason = String.join("; ", failures);
        return Optional.of(new Bounce(reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON - 1) + "…" : reason,
                messageId, reference));
    }

    /** Per-recipient blocks with {@code Action: failed}, each as "recipient: status 5.1.1, smtp; 550 ...". */
    private static List<String> failedRecipients(Part part) throws MessagingException, IOException {
        List<String> failed = new ArrayList<>();
        try (InputStream in = part.getInputStream()) {
            new InternetHeaders(in);
            for (int block = 0; block < 100; block++) {
                InternetHeaders recipient = new InternetHeaders(in);
                if (!recipient.getAllHeaders().hasMoreElements()) {
                    break;
                }
                String action = first(recipient, "Action");
                if (action == null || !action.strip().toLowerCase(Locale.ROOT).startsWith("failed")) {
                    continue;
                }
                StringBuilder words = new StringBuilder();
                String finalRecipient = first(recipient, "Final-Recipient");
                if (finalRecipient != null) {
                    words.append(addressOf(finalRecipient)).append(": ");
                }
                words.append("status ").append(String.valueOf(first(recipient, "Status")).strip());
                String diagnostic = first(recipient, "Diagnostic-Code");
                if (diagnostic != null) {
                    words.append(", ").append(diagnostic.replaceAll("\\s+", " ").strip());
                }
                failed.add(words.toString());
            }
        }
        return failed;
    }

    private static InternetHeaders returnedHeaders(Part part) throws MessagingException, IOException {
        Object content = part.getContent();
        if (content instanceof MimeMessage returned) {
            InternetHeaders headers = new InternetHeaders();
            for (String name : new String[] {"Message-ID", "X-Recourse-Reference"}) {
                String[] values = returned.getHeader(name);
                if (values != null) {
                    headers.addHeader(name, values[0]);
                }
            }
            return headers;
        }
        try (InputStream in = part.getInputStream()) {
            return new InternetHeaders(in);
        }
    }

    /** "rfc822; abuse@host.test" is written with its address type; the address is what a person reads. */
    private static String addressOf(String field) {
        int semicolon = field.indexOf(';');
        return (semicolon < 0 ? field : field.substring(semicolon + 1)).strip();
    }

    private static String first(InternetHeaders headers, String name) {
        String[] values = headers.getHeader(name);
        return values == null || values.length == 0 ? null : values[0];
    }
}
