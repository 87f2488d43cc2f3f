package org.recourse.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.recourse.support.Eventually.await;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Test;
import org.recourse.accounts.StaffRole;
import org.recourse.audit.AuditActor;
import org.recourse.escalation.internal.dossier.WritingDossiers;
import org.recourse.escalation.internal.requests.DraftingRequests;
import org.recourse.evidence.EvidenceRecord;
import org.recourse.evidence.EvidenceVault;
import org.recourse.evidence.internal.fetch.TestWebsite;
import org.recourse.pdq.PdqHasher;
import org.recourse.support.StaffHttp;
import org.recourse.support.TestStaff;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The evidence in a dossier: each captured picture with its SHA-256 and PDQ, shown in the PDF only
 * as a grey, blurred copy made on the server; the original files go into the ZIP only after an
 * analyst chose so for the request, streamed from the vault and verifiable; a sealed case gives
 * neither. Every copy is in the object's chain of custody.
 */
class DossierEvidenceTest extends EscalationIntegrationTest {

    @Autowired
    DraftingRequests drafting;
    @Autowired
    WritingDossiers dossiers;
    @Autowired
    EvidenceVault vault;
    @Autowired
    org.springframework.context.ApplicationContext context;

    /** A picture with hard edges: black and white squares and a red bar. */
    static byte[] sharpPicture() throws IOException {
        BufferedImage image = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        for (int x = 0; x < 320; x += 20) {
            for (int y = 0; y < 240; y += 20) {
                g.setColor(((x + y) / 20) % 2 == 0 ? Color.BLACK : Color.WHITE);
                g.fillRect(x, y, 20, 20);
            }
        }
        g.setColor(Color.RED);
        g.fillRect(40, 100, 240, 30);
        g.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        return png.toByteArray();
    }

    static Map<String, byte[]> entries(byte[] zip) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                files.put(e.getName(), in.readAllBytes());
            }
        }
        return files;
    }

    static List<BufferedImage> pictures(byte[] pdf) throws IOException {
        List<BufferedImage> images = new ArrayList<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (PDPage page : document.getPages()) {
                PDResources resources = page.getResources();
                for (COSName name : resources.getXObjectNames()) {
                    if (resources.getXObject(name) instanceof PDImageXObject image) {
                        images.add(image.getImage());
                    }
                }
            }
        }
        return images;
    }

    static boolean grey(BufferedImage image) {
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                if (Math.abs(r - g) > 2 || Math.abs(g - b) > 2) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The largest brightness step between neighbouring pixels: 255 for a sharp edge between black and white. */
    static int sharpestStep(BufferedImage image) {
        int max = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 1; x < image.getWidth(); x++) {
                int a = image.getRaster().getSample(x - 1, y, 0);
                int b = image.getRaster().getSample(x, y, 0);
                max = Math.max(max, Math.abs(a - b));
            }
        }
        return max;
    }

    byte[] dossier(String reference) throws IOException {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        AuditActor.runAs("analyst-b", () -> {
            try {
                dossiers.write(dossiers.prepare(reference), zip);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        return zip.toByteArray();
    }

    long audited(String action, UUID evidence, String detail) {
        return jdbc.sql("select count(*) from audit_log where action = ? and object_id = ? and detail = ?")
                .params(action, evidence.toString(), detail).query(Long.class).single();
    }

    @Test
    void picturesAreBlurredInThePdfAndOriginalsGoIntoTheZipOnlyWhenChosenNeverFromASealedCase() throws Exception {
        TestStaff.Account analyst = new TestStaff(jdbc).create(StaffRole.ANALYST);
        StaffHttp http = analyst(analyst);
        byte[] png = sharpPicture();
        try (TestWebsite site = new TestWebsite()) {
            Disputed disputed = ignoredTwice(site, png);
            UUID caseId = disputed.reported().caseId();
            org.recourse.evidence.internal.capture.LoopbackCapturing.captureNow(context, caseId, disputed.item().id(), disputed.item().url());
            await("the picture is captured and hashed", Duration.ofSeconds(30), () -> vault.forCase(caseId).stream()
                    .anyMatch(r -> "media".equals(r.kind()) && r.pdq() != null));
            EvidenceRecord picture = vault.forCase(caseId).stream().filter(r -> "media".equals(r.kind())).findFirst().orElseThrow();
            assertThat(picture.pdq()).as("the PDQ the reference port computes for the same bytes")
                    .isEqualTo(new PdqHasher().hash(png).pdq().hex());
            assertThat(jdbc.sql("select count(*) from evidence_preview where evidence_id = ?").param(picture.id()).query(Long.class).single())
                    .as("the blurred copy is made while the capture is in memory").isEqualTo(1);

            String authority = recipient("Dossier Regulator", false, "requests-" + UUID.randomUUID() + "@regulator.test", null, null, "en");
            jdbc.sql("update directory_organisation set kind = 'regulator' where key = ?").param(authority).update();
            String reference = AuditActor.supplyAs("analyst-a",
                    () -> drafting.draft(disputed.platform(), authority, Set.of(disputed.item().id()), "en")).reference();
            String purpose = "dossier " + reference;

            // By default: data, hashes and a blurred grey picture; no original.
            Map<String, byte[]> files = entries(dossier(reference));
            assertThat(files.keySet()).noneMatch(name -> name.startsWith("evidence/"));
            String cases = new String(files.get("cases.json"), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(cases).contains("\"pdq\" : \"" + picture.pdq() + "\"", "\"sha256\" : \"" + picture.sha256() + "\"",
                    "\"original\" : null");
            // One blurred copy per picture: the captured image, and the page's screenshot where Chromium took one.
            List<EvidenceRecord> shots = vault.forCase(caseId).stream().filter(r -> "screenshot".equals(r.kind())).toList();
            assertThat(shots).as("screenshots are hashed too").allMatch(r -> r.pdq() != null && r.pdq().matches("[0-9a-f]{64}"));
            List<BufferedImage> shown = pictures(files.get("dossier.pdf"));
            assertThat(shown).hasSize(1 + shots.size());
            assertThat(shown).as("the captured picture, 240 wide as 320 x 240 scaled")
                    .anyMatch(image -> image.getWidth() == 240 && image.getHeight() == 180);
            assertThat(sharpestStep(ImageIO.read(new ByteArrayInputStream(png)))).isGreaterThan(200);
            assertThat(shown).allMatch(DossierEvidenceTest::grey, "grey");
            assertThat(shown).as("no hard edge survives the blur").allMatch(image -> sharpestStep(image) < 40);
            assertThat(audited("evidence.viewed", picture.id(), "blurred copy for " + purpose)).isEqualTo(1);
            assertThat(audited("evidence.downloaded", picture.id(), "original for " + purpose)).isZero();

            // An analyst includes the originals on the request page: a deliberate, audited choice.
            String path = "/staff/escalation/requests/" + reference;
            assertThat(http.get(path).document().getElementById("dossier-originals").text()).startsWith("The dossier holds data, hashes");
            http.postForm(path + "/originals", Map.of("include", "maybe"));
            assertThat(http.get(path).document().getElementById("request-error").text())
                    .isEqualTo("Choose whether the original files go into the dossier.");
            http.postForm(path + "/originals", Map.of("include", "yes"));
            http.postForm(path + "/originals", Map.of("include", "yes"));
            assertThat(http.get(path).document().getElementById("dossier-originals").text())
                    .startsWith("The dossier holds the original evidence files");
            assertThat(jdbc.sql("select count(*) from audit_log where action = 'escalation.dossier-originals-included' and detail = ?")
                    .param(reference).query(Long.class).single()).as("recorded once").isEqualTo(1);

            byte[] withOriginals = dossier(reference);
            files = entries(withOriginals);
            String original = "evidence/" + disputed.reported().caseNumber() + "/" + picture.id() + "-photo.png";
            assertThat(files.keySet().stream().filter(name -> name.startsWith("evidence/"))).as("every original of the case")
                    .hasSize(vault.forCase(caseId).size());
            assertThat(files).containsKey(original);
            assertThat(files.get(original)).isEqualTo(png);
            assertThat(new String(files.get("cases.json"), java.nio.charset.StandardCharsets.UTF_8)).contains("\"original\" : \"" + original + "\"");
            assertThat(new String(files.get("manifest.json"), java.nio.charset.StandardCharsets.UTF_8)).contains(original);
            Path zip = Files.createTempFile("dossier", ".zip");
            Files.write(zip, withOriginals);
            assertThat(verify(zip)).startsWith("OK: all " + (6 + vault.forCase(caseId).size()) + " files match the manifest");
            assertThat(audited("evidence.downloaded", picture.id(), "original for " + purpose)).isEqualTo(1);
            assertThat(pictures(files.get("dossier.pdf"))).as("the PDF stays blurred").allMatch(image -> sharpestStep(image) < 40);

            // Sealed (e.g. handed to the CSAM hotline): metadata only, no picture, no original.
            AuditActor.runAs("analyst-a", () -> vault.seal(caseId, "handed off"));
            files = entries(dossier(reference));
            assertThat(files.keySet()).noneMatch(name -> name.startsWith("evidence/"));
            assertThat(pictures(files.get("dossier.pdf"))).isEmpty();
            assertThat(new String(files.get("cases.json"), java.nio.charset.StandardCharsets.UTF_8)).contains(picture.sha256());

            http.postForm(path + "/originals", Map.of("include", "no"));
            assertThat(http.get(path).document().getElementById("dossier-originals").text()).startsWith("The dossier holds data, hashes");
        }
    }
}
