package org.recourse.evidence.internal;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Optional;
import java.util.UUID;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import org.recourse.audit.AuditTrail;
import org.recourse.evidence.EvidenceCopies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Blurred and original copies of evidence for dossiers. The blur is made by shrinking the picture
 * to a few dozen pixels and enlarging it smoothly in grey: shapes and colours of a page remain
 * recognisable as "a picture was here", a body or a face does not.
 */
@Service
public class CopyingEvidence implements EvidenceCopies {

    private static final Logger log = LoggerFactory.getLogger(CopyingEvidence.class);
    /** Width of the copy in the document. */
    static final int WIDTH = 240;
    /** How far the picture is shrunk before it is enlarged again: the blur. */
    static final int BLUR_WIDTH = 12;

    private final EvidenceObjects objects;
    private final EvidenceSeals seals;
    private final ShowingEvidence showing;
    private final AuditTrail audit;

    private final java.time.Clock clock;

    CopyingEvidence(EvidenceObjects objects, EvidenceSeals seals, ShowingEvidence showing, AuditTrail audit, java.time.Clock clock) {
        this.clock = clock;
        this.objects = objects;
        this.seals = seals;
        this.showing = showing;
        this.audit = audit;
    }

    @Override
    @Transactional
    public Optional<byte[]> blurred(UUID evidenceId, String purpose) {
        Optional<EvidenceObject> object = copyable(evidenceId).filter(o -> o.contentType() != null && o.contentType().startsWith("image/")
                && o.size() <= MAX_PICTURE_BYTES);
        if (object.isEmpty()) {
            return Optional.empty();
        }
        Optional<byte[]> copy = objects.preview(evidenceId);
        if (copy.isEmpty()) {
            try (InputStream in = showing.open(object.get())) {
                copy = blur(in);
            } catch (IOException | RuntimeException e) {
                log.debug("No blurred copy of {}: {}", evidenceId, e.getClass().getSimpleName());
            }
            copy.ifPresent(jpeg -> objects.recordPreview(evidenceId, jpeg, clock.instant()));
        }
        copy.ifPresent(bytes -> audit.record("evidence.viewed", "evidence", evidenceId.toString(), "blurred copy for " + purpose));
        return copy;
    }

    @Override
    @Transactional
    public Optional<Original> original(UUID evidenceId, String purpose) {
        return copyable(evidenceId).map(o -> {
            audit.record("evidence.downloaded", "evidence", evidenceId.toString(), "original for " + purpose);
            return new Original(o.id(), o.kind(), o.filename(), o.contentType(), o.size(), o.sha256(), () -> showing.open(o));
        });
    }

    private Optional<EvidenceObject> copyable(UUID evidenceId) {
        return objects.find(evidenceId).filter(o -> !o.purged() && o.blobId() != null && !seals.isSealed(o.caseId()));
    }

    /** A blurred grey JPEG of the picture in {@code in}, or empty when it cannot be read as a picture. */
    public static Optional<byte[]> blur(InputStream in) throws IOException {
        try (ImageInputStream stream = ImageIO.createImageInputStream(in)) {
            if (stream == null) {
                return Optional.empty();
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(stream);
            if (!readers.hasNext()) {
                return Optional.empty();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(stream, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width <= 0 || height <= 0) {
                    return Optional.empty();
                }
                // Tall screenshots: the top of the page, at most one and a half times as high as wide.
                int shownHeight = (int) Math.min(height, Math.max(1, width * 3L / 2));
                ImageReadParam param = reader.getDefaultReadParam();
                param.setSourceRegion(new java.awt.Rectangle(0, 0, width, shownHeight));
                // The copy is made from a few dozen pixels across: decode no more than ten times that.
                int step = Math.max(1, width / (BLUR_WIDTH * 10));
                param.setSourceSubsampling(step, step, 0, 0);
                BufferedImage picture = reader.read(0, param);
                return Optional.of(jpeg(blurred(picture)));
            } finally {
                reader.dispose();
            }
        }
    }

    static BufferedImage blurred(BufferedImage picture) {
        int outWidth = WIDTH;
        int outHeight = Math.max(1, (int) Math.round((double) picture.getHeight() * WIDTH / picture.getWidth()));
        int tinyWidth = BLUR_WIDTH;
        int tinyHeight = Math.max(1, (int) Math.round((double) outHeight * BLUR_WIDTH / outWidth));
        BufferedImage tiny = new BufferedImage(tinyWidth, tinyHeight, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D small = tiny.createGraphics();
        small.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        small.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        small.drawImage(picture.getScaledInstance(tinyWidth, tinyHeight, java.awt.Image.SCALE_AREA_AVERAGING), 0, 0, null);
        small.dispose();
        BufferedImage out = new BufferedImage(outWidth, outHeight, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D large = out.createGraphics();
        large.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        large.drawImage(tiny, 0, 0, outWidth, outHeight, null);
        large.dispose();
        return out;
    }

    private static byte[] jpeg(BufferedImage image) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.8f);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
