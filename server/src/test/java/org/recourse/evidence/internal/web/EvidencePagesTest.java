package org.recourse.evidence.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recourse.RecourseTest;
import org.recourse.accounts.StaffRole;
import org.recourse.audit.AuditEntry;
import org.recourse.audit.AuditTrail;
import org.recourse.evidence.internal.packaging.PackageVerifier;
import org.recourse.platform.CliCommand;
import org.recourse.support.TestCases;
import org.recourse.support.TestStaff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What analysts, auditors, liaisons and outsiders see and may do, over real HTTP. */
@RecourseTest
class EvidencePagesTest {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired AuditTrail audit;
    @Autowired List<CliCommand> commands;

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R', 1, 2, 3};

    private VaultHttp signedIn(StaffRole role, String organisation) {
        return new VaultHttp(port).signIn(new TestStaff(jdbc).create(organisation, role));
    }

    private TestCases.Created newCase() {
        return new TestCases(jdbc).create();
    }

    private static String upload(VaultHttp http, UUID caseId, String type, String name, byte[] bytes) {
        http.get("/staff");
        VaultHttp.Response stored = http.put("/staff/evidence/cases/" + caseId + "/files", type, name,
                HttpRequest.BodyPublishers.ofByteArray(bytes));
        assertThat(stored.status()).as(stored.text()).isEqualTo(201);
        return stored.text().replaceAll(".*\"id\":\"([0-9a-f-]+)\".*", "$1");
    }

    @Test
    void analystsSeeMediaBlurredUntilTheyRevealItAndEveryViewIsInTheCustody() {
        VaultHttp analyst = signedIn(StaffRole.ANALYST, null);
        TestCases.Created kase = newCase();
        UUID caseId = kase.id();
        String image = upload(analyst, caseId, "image/png", "screenshot 1.png", PNG);
        String video = upload(analyst, caseId, "video/mp4", "clip.mp4", "not really a video".getBytes(StandardCharsets.UTF_8));

        VaultHttp.Response moved = analyst.get("/staff/evidence/cases/" + caseId);
        assertThat(moved.status()).isEqualTo(301);
        assertThat(moved.header("Location")).isEqualTo("/staff/cases/" + kase.caseNumber() + "#evidence");
        Document casePage = analyst.get("/staff/cases/" + kase.caseNumber()).document();
        assertThat(casePage.select("#evidence-objects a[href^=/staff/evidence/objects/]")).hasSize(2);
        Element thumbnail = casePage.selectFirst("#thumbnails figure.evidence-media.guarded img");
        assertThat(thumbnail.attr("src")).isEqualTo("/staff/evidence/objects/" + image + "/content");
        assertThat(casePage.select("#thumbnails img")).as("only pictures get a thumbnail").hasSize(1);

        Document imagePage = analyst.get("/staff/evidence/objects/" + image).document();
        Element figure = imagePage.selectFirst("figure.evidence-media");
        assertThat(figure.hasClass("guarded")).isTrue();
        assertThat(figure.selectFirst("img").attr("src")).isEqualTo("/staff/evidence/objects/" + image + "/content");
        Document videoPage = analyst.get("/staff/evidence/objects/" + video).document();
        Element player = videoPage.selectFirst("figure.evidence-media.guarded video");
        assertThat(player.attr("preload")).isEqualTo("none");
        assertThat(player.hasAttr("autoplay")).isFalse();

        VaultHttp.Response content = analyst.get("/staff/evidence/objects/" + image + "/content");
        assertThat(content.status()).isEqualTo(200);
        assertThat(content.body()).isEqualTo(PNG);
        assertThat(content.header("Cache-Control")).contains("no-store");
        assertThat(content.header("Content-Type")).isEqualTo("image/png");

        Document revealed = analyst.form("/staff/evidence/objects/" + image + "/reveal", java.util.Map.of()).document();
        assertThat(revealed.selectFirst("figure.evidence-media").hasClass("revealed")).isTrue();
        assertThat(revealed.selectFirst("figure.evidence-media").hasClass("guarded")).isFalse();
        assertThat(revealed.select("#custody ~ div td:nth-child(3)").eachText())
                .containsSubsequence("evidence.stored", "evidence.viewed", "evidence.revealed");
        assertThat(audit.entriesFor("evidence", image)).extracting(AuditEntry::action)
                .containsExactly("evidence.stored", "evidence.viewed", "evidence.revealed");
    }

    @Test
    void auditorsReadTheCustodyButNotTheContentAndOutsidersNothing() {
        VaultHttp analyst = signedIn(StaffRole.ANALYST, null);
        UUID caseId = newCase().id();
        String id = upload(analyst, caseId, "image/png", "a.png", PNG);

        VaultHttp auditor = signedIn(StaffRole.AUDITOR, null);
        Document page = auditor.get("/staff/evidence/objects/" + id).document();
        assertThat(page.select("figure.evidence-media")).isEmpty();
        assertThat(page.select("#custody ~ div td:nth-child(3)").eachText()).contains("evidence.stored");
        assertThat(auditor.get("/staff/evidence/objects/" + id + "/content").status()).isEqualTo(403);

        VaultHttp reporter = new VaultHttp(port);
        VaultHttp.Response anonymous = reporter.get("/staff/evidence/objects/" + id + "/content");
        assertThat(anonymous.status()).isEqualTo(302);
        assertThat(anonymous.header("Location")).endsWith("/login");
    }

    @Test
    void aPackageMadeForAPoliceUnitIsDownloadedByItsLiaisonAndVerifies(@TempDir Path dir) throws Exception {
        String unit = "Politie Team Zeden " + UUID.randomUUID();
        VaultHttp analyst = signedIn(StaffRole.ANALYST, null);
        TestCases.Created kase = newCase();
        UUID caseId = kase.id();
        byte[] chat = ("chat export " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        String image = upload(analyst, caseId, "image/png", "photo.png", PNG);
        String text = upload(analyst, caseId, "text/plain", "chat.txt", chat);
        VaultHttp liaison = signedIn(StaffRole.LIAISON, unit);
        VaultHttp otherUnit = signedIn(StaffRole.LIAISON, "Another unit " + UUID.randomUUID());

        Document casePage = analyst.get("/staff/cases/" + kase.caseNumber()).document();
        assertThat(casePage.select("select#recipient option").eachAttr("value")).contains(unit);
        VaultHttp.Response made = analyst.form("/staff/evidence/cases/" + caseId + "/packages", java.util.Map.of("recipient", unit));
        assertThat(made.status()).isEqualTo(302);
        assertThat(made.header("Location")).isEqualTo("/staff/cases/" + kase.caseNumber() + "#packages");
        assertThat(liaison.get("/liaison/evidence").document().text()).contains(kase.caseNumber()).doesNotContain(caseId.toString());

        Element link = liaison.get("/liaison/evidence").document().selectFirst("a[href^=/liaison/evidence/packages/]");
        assertThat(link).isNotNull();
        assertThat(otherUnit.get("/liaison/evidence").document().select("a[href^=/liaison/evidence/packages/]")).isEmpty();
        assertThat(otherUnit.get(link.attr("href")).status()).isEqualTo(404);

        VaultHttp.Response zip = liaison.get(link.attr("href"));
        assertThat(zip.status()).isEqualTo(200);
        assertThat(zip.header("Content-Disposition")).startsWith("attachment");
        assertThat(new PackageVerifier().verify(new ByteArrayInputStream(zip.body())).intact()).isTrue();
        assertThat(audit.entriesFor("evidence", text)).extracting(AuditEntry::action)
                .containsExactly("evidence.stored", "evidence.exported", "evidence.handed_over");
        assertThat(audit.entriesFor("evidence", image).getLast().detail()).contains("handed over to " + unit);
        String manifest = entryText(zip.body(), "manifest.json");
        assertThat(manifest).contains("\"recipient\" : \"" + unit + "\"", "\"action\" : \"evidence.exported\"", text, image);

        liaison.get("/staff/evidence/verify");
        Document intact = liaison.put("/staff/evidence/verify", "application/zip", null, HttpRequest.BodyPublishers.ofByteArray(zip.body())).document();
        assertThat(intact.selectFirst("section.notice").hasClass("success")).isTrue();
        assertThat(intact.text()).contains("uitgegeven door dit systeem");

        byte[] tampered = zip.body().clone();
        int at = indexOf(tampered, chat);
        tampered[at + 3] ^= 0x20;
        Document result = liaison.put("/staff/evidence/verify", "application/zip", null, HttpRequest.BodyPublishers.ofByteArray(tampered)).document();
        assertThat(result.selectFirst("section.notice").hasClass("danger")).isTrue();
        assertThat(result.select("li.altered code").eachText()).singleElement().asString().endsWith("-chat.txt");

        Path file = dir.resolve("package.zip");
        Files.write(file, tampered);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = command("verify-package").run(List.of(file.toString()), new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertThat(exit).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).containsPattern("altered: objects/\\d{3}-" + text + "-chat.txt");

        byte[] repacked = withExtraFile(zip.body());
        Document extra = liaison.put("/staff/evidence/verify", "application/zip", null, HttpRequest.BodyPublishers.ofByteArray(repacked)).document();
        assertThat(extra.select("li.extra code").eachText()).containsExactly("objects/planted.png");
    }

    @Test
    void thePagesGuideAnalystsAndLiaisonsWithErrorsNextToTheField() {
        VaultHttp analyst = signedIn(StaffRole.ANALYST, null);
        TestCases.Created kase = newCase();
        UUID caseId = kase.id();
        String casePage = "/staff/cases/" + kase.caseNumber();
        upload(analyst, caseId, "text/plain", "note.txt", "note".getBytes(StandardCharsets.UTF_8));

        assertThat(analyst.get("/staff").document().select("a[href=/staff/evidence]")).isNotEmpty();
        Document index = analyst.get("/staff/evidence").document();
        assertThat(index.select("a[href=" + casePage + "#evidence]").eachText()).containsExactly(kase.caseNumber());
        assertThat(index.text()).doesNotContain(caseId.toString());
        Document wrongNumber = analyst.get("/staff/evidence?caseNumber=not-a-case").document();
        assertThat(wrongNumber.selectFirst("#caseNumber").attr("aria-describedby")).isEqualTo("caseNumber-error");
        assertThat(wrongNumber.selectFirst("#caseNumber-error").text()).isEqualTo("Er is geen zaak met dit nummer.");
        assertThat(analyst.get("/staff/evidence?caseNumber=" + kase.caseNumber().toLowerCase()).header("Location"))
                .isEqualTo(casePage + "#evidence");

        VaultHttp.Response refused = analyst.form("/staff/evidence/cases/" + caseId + "/captures", java.util.Map.of("url", "ftp://x"));
        assertThat(refused.header("Location")).isEqualTo(casePage + "#evidence");
        Document invalid = analyst.get(casePage).document();
        assertThat(invalid.selectFirst("#url-error").text()).contains("http://");
        assertThat(invalid.selectFirst("#url").attr("aria-describedby")).contains("url-error");
        assertThat(invalid.selectFirst("#url").attr("value")).isEqualTo("ftp://x");
        VaultHttp.Response requested = analyst.form("/staff/evidence/cases/" + caseId + "/captures",
                java.util.Map.of("url", "https://platform.invalid/post/" + UUID.randomUUID()));
        assertThat(requested.status()).isEqualTo(302);
        Document after = analyst.get(casePage).document();
        assertThat(after.select("#evidence p.notice.success[role=status]")).hasSize(1);
        assertThat(after.select("#captures td").eachText()).anySatisfy(t -> assertThat(t).startsWith("https://platform.invalid/post/"));
        assertThat(after.selectFirst("#url-error")).as("the error was for the request before").isNull();

        assertThat(analyst.get("/staff/evidence/verify").document().select("form#package-verify input[type=file]")).hasSize(1);
        VaultHttp liaison = signedIn(StaffRole.LIAISON, null);
        assertThat(liaison.get("/liaison/evidence").document().select("p.notice.warning")).hasSize(1);
        assertThat(analyst.get(casePage + "?lang=en").document().selectFirst("#evidence-heading").text()).isEqualTo("Evidence");
    }

    private CliCommand command(String name) {
        return commands.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    private static String entryText(byte[] zip, String name) throws Exception {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().equals(name)) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new AssertionError(name);
    }

    private static byte[] withExtraFile(byte[] zip) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip)); ZipOutputStream z = new ZipOutputStream(out)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                z.putNextEntry(new ZipEntry(e.getName()));
                z.write(in.readAllBytes());
            }
            z.putNextEntry(new ZipEntry("objects/planted.png"));
            z.write(PNG);
        }
        return out.toByteArray();
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
        throw new AssertionError("not found");
    }
}
