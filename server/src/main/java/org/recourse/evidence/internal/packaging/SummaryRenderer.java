package org.recourse.evidence.internal.packaging;

import java.io.IOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

import org.recourse.platform.PdfDocuments;
import org.jsoup.nodes.Entities;
import org.springframework.context.MessageSource;

/**
 * The readable half of a package: a PDF listing each object with its hash, capture metadata
 * and chain of custody, for a reader who will not open {@code manifest.json}. It shows no
 * evidence content, so it can be printed and filed.
 */
public final class SummaryRenderer {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private final MessageSource messages;
    private final Locale locale;

    public SummaryRenderer(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
    }

    public byte[] render(PackageContents contents) throws IOException {
        return PdfDocuments.render(html(contents, PdfDocuments.fontFamily()));
    }

    String html(PackageContents contents, String fontFamily) {
        StringBuilder h = new StringBuilder();
        h.append("<html><head><meta charset=\"utf-8\"/><style>")
                .append("body{font-family:'").append(fontFamily).append("';font-size:9pt}")
                .append("h1{font-size:15pt}h2{font-size:11pt;margin-top:14pt;border-bottom:1px solid #444}")
                .append("table{border-collapse:collapse;width:100%}td,th{border:1px solid #999;padding:2pt;vertical-align:top;text-align:left;word-wrap:break-word}")
                .append(".hash{font-family:monospace;font-size:7.5pt}")
                .append("</style></head><body>");
        h.append("<h1>").append(text("evidence.package.title")).append("</h1>");
        h.append("<table>");
        row(h, text("evidence.package.id"), contents.packageId().toString());
        row(h, text("evidence.package.case"), contents.caseId().toString());
        row(h, text("evidence.package.created"), UTC.format(contents.createdAt()));
        row(h, text("evidence.package.createdBy"), contents.createdBy());
        row(h, text("evidence.package.recipient"), contents.recipient() == null ? "-" : contents.recipient());
        row(h, text("evidence.package.objectCount"), String.valueOf(contents.objects().size()));
        h.append("</table>");
        h.append("<p>").append(text("evidence.package.howToVerify")).append("</p>");
        for (int i = 0; i < contents.objects().size(); i++) {
            PackageContents.PackagedObject object = contents.objects().get(i);
            h.append("<h2>").append(esc(PackageLayout.objectPath(i, object))).append("</h2><table>");
            row(h, text("evidence.package.kind"), object.kind());
            row(h, text("evidence.package.contentType"), object.contentType());
            row(h, text("evidence.package.size"), String.valueOf(object.size()));
            h.append("<tr><th>SHA-256</th><td class=\"hash\">").append(esc(object.sha256())).append("</td></tr>");
            row(h, text("evidence.package.capturedAt"), UTC.format(object.capturedAt()));
            for (Map.Entry<String, Object> field : object.capture().entrySet()) {
                if (field.getValue() != null && !(field.getValue() instanceof Iterable<?>) && !(field.getValue() instanceof Map<?, ?>)) {
                    row(h, messages.getMessage("evidence.package.field." + field.getKey(), null, field.getKey(), locale),
                            String.valueOf(field.getValue()));
                }
            }
            h.append("</table><p><b>").append(text("evidence.package.custody")).append("</b></p><table>")
                    .append("<tr><th>").append(text("evidence.custody.when")).append("</th><th>").append(text("evidence.custody.who"))
                    .append("</th><th>").append(text("evidence.custody.what")).append("</th><th>").append(text("evidence.custody.detail"))
                    .append("</th></tr>");
            for (PackageContents.CustodyLine line : object.custody()) {
                h.append("<tr><td>").append(esc(UTC.format(line.at()))).append("</td><td>").append(esc(line.actor()))
                        .append("</td><td>").append(esc(line.action())).append("</td><td>")
                        .append(esc(line.detail() == null ? "" : line.detail())).append("</td></tr>");
            }
            h.append("</table>");
        }
        return h.append("</body></html>").toString();
    }

    private void row(StringBuilder h, String label, String value) {
        h.append("<tr><th style=\"width:28%\">").append(esc(label)).append("</th><td>").append(esc(value == null ? "" : value)).append("</td></tr>");
    }

    private String text(String key) {
        return esc(messages.getMessage(key, null, key, locale));
    }

    private static String esc(String s) {
        return Entities.escape(s);
    }
}
