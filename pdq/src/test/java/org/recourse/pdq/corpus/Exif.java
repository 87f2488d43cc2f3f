package org.recourse.pdq.corpus;

import java.io.ByteArrayOutputStream;

/** Adds an EXIF segment with one Orientation tag (TIFF tag 274) to a JPEG, after SOI and the JFIF segment if any. */
final class Exif {

    private Exif() {
    }

    static byte[] withOrientation(byte[] jpeg, int orientation) {
        if ((jpeg[0] & 0xff) != 0xff || (jpeg[1] & 0xff) != 0xd8) {
            throw new IllegalArgumentException("not a JPEG");
        }
        ByteArrayOutputStream tiff = new ByteArrayOutputStream();
        tiff.writeBytes(new byte[] {'M', 'M', 0, 42, 0, 0, 0, 8}); // big-endian TIFF header, first IFD at 8
        tiff.writeBytes(new byte[] {0, 1});                         // one entry
        tiff.writeBytes(new byte[] {0x01, 0x12, 0, 3, 0, 0, 0, 1}); // Orientation, SHORT, count 1
        tiff.writeBytes(new byte[] {0, (byte) orientation, 0, 0});  // value, left-justified
        tiff.writeBytes(new byte[] {0, 0, 0, 0});                   // no next IFD
        byte[] payload = tiff.toByteArray();
        int length = 2 + 6 + payload.length;
        int at = 2;
        if ((jpeg[2] & 0xff) == 0xff && (jpeg[3] & 0xff) == 0xe0) {
            at = 4 + (((jpeg[4] & 0xff) << 8) | (jpeg[5] & 0xff));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, at);
        out.write(0xff);
        out.write(0xe1);
        out.write(length >> 8);
        out.write(length & 0xff);
        out.writeBytes(new byte[] {'E', 'x', 'i', 'f', 0, 0});
        out.writeBytes(payload);
        out.write(jpeg, at, jpeg.length - at);
        return out.toByteArray();
    }
}
