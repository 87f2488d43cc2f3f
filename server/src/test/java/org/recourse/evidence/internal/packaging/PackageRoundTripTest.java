package org.recourse.evidence.internal.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

class PackageRoundTripTest {

    private final PackageWriter writer = new PackageWriter(new SummaryRenderer(messages(), Locale.ENGLISH));
    private final PackageVerifier verifier = new PackageVerifier();

    static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("i18n/evidence");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }

    private static PackageContents.PackagedObject object(String filename, String content) throws Exception {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        Map<String, Object> capture = new LinkedHashMap<>();
        capture.put("sourceUrl", "https://platform.example/post/1");
        capture.put("resolvedIp", "93.184.216.34");
        return new PackageContents.PackagedObject(UUID.randomUUID(), "page", filename, "text/html", bytes.length,
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)), Instant.parse("2026-11-01T10:00:00Z"),
                capture, List.of(new PackageContents.CustodyLine(Instant.parse("2026-11-01T10:00:01Z"), "system:capture", "evidence.captured", null)),
                () -> new ByteArrayInputStream(bytes));
    }

    private byte[] pack(List<PackageContents.PackagedObject> objects) throws IOException {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        writer.write(new PackageContents(UUID.randomUUID(), UUID.randomUUID(), Instant.now(), "analyst.anna", "Politie Team Zeden",
                objects), zip);
        return zip.toByteArray();
    }

    @Test
    void anUntouchedPackageVerifiesAndItsSummaryListsEveryHash() throws Exception {
        List<PackageContents.PackagedObject> objects = List.of(object("page.html", "<p>first</p>"), object("photo one.jpg", "JPEGDATA"));
        byte[] zip = pack(objects);

        org.recourse.platform.ManifestCheck.Report report = verifier.verify(new ByteArrayInputStream(zip));

        assertThat(report.intact()).isTrue();
        assertThat(report.listed()).isEqualTo(3);
        byte[] pdf = entry(zip, "summary.pdf");
        try (var document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains("Evidence package", "Chain of custody", "Politie Team Zeden", "evidence.captured");
            assertThat(text.replace(" ", "")).contains(objects.get(0).sha256(), objects.get(1).sha256());
        }
        assertThat(new String(entry(zip, "manifest.json"), StandardCharsets.UTF_8))
                .contains("\"sha256\" : \"" + objects.get(1).sha256() + "\"", "\"action\" : \"evidence.captured\"", "93.184.216.34");
    }

    @Test
    void aSingleChangedByteInsideTheZipIsNamed() throws Exception {
        byte[] zip = pack(List.of(object("a.html", "<p>unchanged</p>"), object("b.jpg", "BYTES-OF-THE-SECOND-FILE")));
        int at = indexOf(zip, "SECOND".getBytes(StandardCharsets.UTF_8));
        zip[at] ^= 0x01;

        org.recourse.platform.ManifestCheck.Report report = verifier.verify(new ByteArrayInputStream(zip));

        assertThat(report.intact()).isFalse();
        assertThat(report.altered()).singleElement().asString().startsWith("objects/002-").endsWith("-b.jpg");
        assertThat(report.missing()).isEmpty();
        assertThat(report.extra()).isEmpty();
    }

    @Test
    void aRepackedPackageWithAChangedARemovedAndAnAddedFileNamesEachOne() throws Exception {
        byte[] zip = pack(List.of(object("a.html", "one"), object("b.html", "two"), object("c.html", "three")));
        ByteArrayOutputStream repacked = new ByteArrayOutputStream();
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip)); ZipOutputStream out = new ZipOutputStream(repacked)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] data = in.readAllBytes();
                names.add(e.getName());
                if (e.getName().endsWith("-b.html")) {
                    continue;
                }
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(e.getName().endsWith("-a.html") ? "0ne".getBytes(StandardCharsets.UTF_8) : data);
            }
            out.putNextEntry(new ZipEntry("objects/planted.jpg"));
            out.write(1);
        }

        org.recourse.platform.ManifestCheck.Report report = verifier.verify(new ByteArrayInputStream(repacked.toByteArray()));

        assertThat(report.altered()).containsExactly(names.get(0));
        assertThat(report.missing()).containsExactly(names.get(1));
        assertThat(report.extra()).containsExactly("objects/planted.jpg");
    }

    @Test
    void somethingThatIsNotAPackageSaysSo() throws Exception {
        assertThat(verifier.verify(new ByteArrayInputStream("not a zip".getBytes(StandardCharsets.UTF_8))).manifestReadable()).isFalse();
    }

    @Test
    void refusesToPackAnObjectWhoseBytesNoLongerMatchItsRecordedHash() throws Exception {
        PackageContents.PackagedObject good = object("a.html", "original");
        PackageContents.PackagedObject changed = new PackageContents.PackagedObject(good.id(), good.kind(), good.filename(), good.contentType(),
                good.size(), good.sha256(), good.capturedAt(), good.capture(), good.custody(),
                () -> new ByteArrayInputStream("origin4l".getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> pack(List.of(changed))).hasMessageContaining("no longer matches");
    }

    private static byte[] entry(byte[] zip, String name) throws IOException {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().equals(name)) {
                    return in.readAllBytes();
                }
            }
        }
        throw new AssertionError(name + " not in package");
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("marker not found");
    }
}
