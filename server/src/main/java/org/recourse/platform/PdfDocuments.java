package org.recourse.platform;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

/**
 * Renders the system's printable documents (evidence package summaries, escalation dossiers) from
 * XHTML to PDF with one font: DejaVu Sans where the machine has it, so every language's letters
 * print, else Helvetica. Callers escape what they put into the HTML.
 */
public final class PdfDocuments {

    private static final File UNICODE_FONT = new File("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");

    static {
        // openhtmltopdf reports every rendering step through java.util.logging; the log is for what goes wrong.
        com.openhtmltopdf.util.XRLog.setLoggingEnabled(false);
    }

    private PdfDocuments() {
    }

    /** The CSS font family {@link #render} makes available. */
    public static String fontFamily() {
        return UNICODE_FONT.isFile() ? "Unicode" : "Helvetica";
    }

    public static byte[] render(String xhtml) throws IOException {
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        if (UNICODE_FONT.isFile()) {
            builder.useFont(UNICODE_FONT, "Unicode");
        }
        builder.withHtmlContent(xhtml, null);
        builder.toStream(pdf);
        try {
            builder.run();
        } catch (Exception e) {
            throw new IOException("the document could not be rendered as PDF", e);
        }
        return pdf.toByteArray();
    }

    /** {@code text} safe inside XHTML. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\t') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
