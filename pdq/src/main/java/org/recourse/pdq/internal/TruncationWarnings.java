package org.recourse.pdq.internal;

import java.util.Locale;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;

/**
 * Like libjpeg, the JDK's JPEG reader returns a truncated file as an image padded with grey and
 * only warns. Hashing such a half image would put a wrong hash on a hash list, so truncation
 * warnings make the file unreadable; other warnings (e.g. a few stray bytes before a marker,
 * common in real photos) do not.
 */
final class TruncationWarnings implements IIOReadWarningListener {

    private volatile String seen;

    @Override
    public void warningOccurred(ImageReader source, String warning) {
        String text = warning == null ? "" : warning.toLowerCase(Locale.ROOT);
        if (text.contains("truncat") || text.contains("premature end") || text.contains("missing eoi")) {
            seen = warning;
        }
    }

    /** The first truncation warning, or null if there was none. */
    String seen() {
        return seen;
    }
}
