package org.recourse.pdq.internal;

import java.awt.image.DataBufferByte;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;

/**
 * Direct access to a raster stored as interleaved bytes (what the JPEG and PNG readers produce
 * for 8-bit images), which is several times faster than going through the sample model.
 */
record InterleavedBytes(byte[] data, int origin, int pixelStride, int scanlineStride, int[] bandOffsets) {

    /** The raster's byte layout, or null if it is not one array of interleaved 8-bit samples. */
    static InterleavedBytes of(Raster raster) {
        if (raster.getDataBuffer() instanceof DataBufferByte buffer
                && buffer.getNumBanks() == 1
                && raster.getSampleModel() instanceof PixelInterleavedSampleModel model) {
            int origin = buffer.getOffset()
                    - raster.getSampleModelTranslateY() * model.getScanlineStride()
                    - raster.getSampleModelTranslateX() * model.getPixelStride();
            return new InterleavedBytes(buffer.getData(), origin + raster.getMinY() * model.getScanlineStride()
                    + raster.getMinX() * model.getPixelStride(), model.getPixelStride(), model.getScanlineStride(),
                    model.getBandOffsets());
        }
        return null;
    }

    /** Sample {@code band} of the pixel at column {@code x}, row {@code y} (relative to the raster's origin). */
    int sample(int x, int y, int band) {
        return data[origin + y * scanlineStride + x * pixelStride + bandOffsets[band]] & 0xff;
    }
}
