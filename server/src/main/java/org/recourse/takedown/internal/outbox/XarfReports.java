package org.recourse.takedown.internal.outbox;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.recourse.takedown.internal.notices.NoticeContent;

/**
 * Writes the machine-readable part of a notice as XARF v4 (github.com/xarf/xarf-spec), and only
 * where an official XARF type describes the content truthfully. XARF v4 has no type for
 * intimate-image abuse; it has {@code content/exposed_data} for personal data made public, which
 * is what doxing is. So an item assessed as doxing gets an {@code exposed_data} report with
 * {@code data_types: ["personal_information"]}; every other item gets none and is described by
 * the plain notice alone. Items whose notifier is left out (child sexual abuse material) get none:
 * XARF requires a named reporter. See {@code docs/decisions/0004-xarf-v4-for-doxing-only.md}.
 */
final class XarfReports {

    static final String VERSION = "4.2.0";
    static final String DOXING = "doxing";
    /** XARF limits {@code description} to 1,000 characters; the full text is in the notice itself. */
    private static final int DESCRIPTION_LIMIT = 1000;
    /** The pattern XARF's content schema gives for {@code domain}. */
    private static final Pattern DOMAIN = Pattern.compile("^([a-z0-9]+(-[a-z0-9]+)*\\.)+[a-z]{2,}$");

    private XarfReports() {
    }

    /** Whether XARF has a type that fits this item. */
    static boolean expressible(NoticeContent content, NoticeContent.Item item) {
        return !content.notifierLeftOut() && item.forms().contains(DOXING);
    }

    /** The reports for the items XARF can express, in item order; numbered by their item's position. */
    static List<Map<String, Object>> reports(String reference, NoticeContent content) {
        return content.items().stream()
                .filter(item -> expressible(content, item))
                .map(item -> report(reference, content, item, content.items().indexOf(item) + 1))
                .toList();
    }

    static Optional<Map<String, Object>> first(String reference, NoticeContent content) {
        return reports(reference, content).stream().findFirst();
    }

    private static Map<String, Object> report(String reference, NoticeContent content, NoticeContent.Item item, int number) {
        Map<String, Object> sender = new LinkedHashMap<>();
        sender.put("org", content.notifierName());
        sender.put("contact", content.notifierEmail());
        sender.put("domain", domainOf(content.notifierEmail()));
        String host = URI.create(item.url()).getHost();
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("xarf_version", VERSION);
        report.put("report_id", reportId(reference, number).toString());
        report.put("timestamp", item.decidedAt().toString());
        // The hotline files the complaint on the victim's behalf and sends it: it is both reporter
        // and sender, and the victim is never named.
        report.put("reporter", sender);
        report.put("sender", sender);
        report.put("source_identifier", host == null ? item.url() : host);
        report.put("category", "content");
        report.put("type", "exposed_data");
        report.put("url", item.url());
        if (host != null && DOMAIN.matcher(host.toLowerCase(Locale.ROOT)).matches()) {
            report.put("domain", host.toLowerCase(Locale.ROOT));
        }
        report.put("data_types", List.of("personal_information"));
        report.put("exposure_method", "other");
        report.put("accessibility", "public");
        report.put("discovery_source", "user_report");
        report.put("evidence_source", "user_report");
        report.put("verification_method", "manual");
        report.put("verified_at", item.decidedAt().toString());
        report.put("confidence", 1.0);
        report.put("tags", List.of("recourse:" + reference.toLowerCase(Locale.ROOT), "violence:doxing"));
        report.put("description", limit(item.substantiation().strip()));
        return report;
    }

    /**
     * The same identifier for the same report on every attempt, so a recipient recognises a
     * repeat: derived from the notice reference and item number, shaped as the UUID v4 XARF asks for.
     */
    static UUID reportId(String reference, int number) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((reference + "#" + number).getBytes(StandardCharsets.UTF_8));
            hash[6] = (byte) ((hash[6] & 0x0f) | 0x40);
            hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
            long high = 0;
            long low = 0;
            for (int i = 0; i < 8; i++) {
                high = (high << 8) | (hash[i] & 0xff);
                low = (low << 8) | (hash[i + 8] & 0xff);
            }
            return new UUID(high, low);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String domainOf(String email) {
        return email.substring(email.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
    }

    private static String limit(String text) {
        if (text.codePointCount(0, text.length()) <= DESCRIPTION_LIMIT) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, DESCRIPTION_LIMIT - 1)) + "…";
    }
}
