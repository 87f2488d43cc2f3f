package org.recourse.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.recourse.RecourseTest;
import org.recourse.accounts.StaffRole;
import org.recourse.audit.AuditActor;
import org.recourse.audit.AuditTrail;
import org.recourse.evidence.internal.capture.LoopbackCapturing;
import org.recourse.evidence.internal.fetch.TestWebsite;
import org.recourse.intake.Cases;
import org.recourse.intake.Forms;
import org.recourse.pdq.PdqHasher;
import org.recourse.support.StaffHttp;
import org.recourse.support.TestStaff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A victim's image is in the bank; a capture for another case on a test website stores a
 * re-encoded copy of it. The copy is hashed, matched and shown to an analyst as a possible
 * re-upload (on the dashboard and in the list), blurred until revealed (audited); she confirms it,
 * or dismisses it and the pair does not come back.
 */
@RecourseTest
class ReuploadDetectionTest {

    @LocalServerPort int port;
    @Autowired HashBanks banks;
    @Autowired Cases cases;
    @Autowired JdbcClient jdbc;
    @Autowired AuditTrail audit;

    /**
     * A smooth, photo-like picture (sums of waves) that PDQ rates at full quality. The seeds the
     * tests use were chosen so a JPEG copy stays well inside the threshold (14 bits for 5 and 12)
     * and different seeds are far apart (over 100 bits).
     */
    static BufferedImage picture(long seed) {
        Random random = new Random(seed);
        double[] fx = new double[6];
        double[] fy = new double[6];
        double[] phase = new double[6];
        for (int i = 0; i < 6; i++) {
            fx[i] = random.nextDouble() * 0.06;
            fy[i] = random.nextDouble() * 0.06;
            phase[i] = random.nextDouble() * 6.28;
        }
        BufferedImage image = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 240; y++) {
            for (int x = 0; x < 320; x++) {
                int rgb = 0;
                for (int k = 0; k < 3; k++) {
                    double v = 128 + 60 * Math.sin(x * fx[k] + y * fy[k] + phase[k])
                            + 60 * Math.sin(x * fx[k + 3] - y * fy[k + 3] + phase[k + 3]);
                    rgb = (rgb << 8) | (int) Math.max(0, Math.min(255, v));
                }
                image.setRGB(x, y, rgb);
            }
        }
        return image;
    }

    static byte[] encode(BufferedImage image, String format) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }

    private UUID report() {
        return report(false);
    }

    private UUID report(boolean minor) {
        StaffHttp http = new StaffHttp(port);
        http.get("/melden");
        Document page = Forms.with("reporterType", "self").and("forms", "non_consensual_sharing").and("notOnline", "true")
                .and("minor", minor ? "yes" : "no").post(http, "/melden").document();
        return cases.findByNumber(page.getElementById("case-number").text()).orElseThrow().id();
    }

    private void capture(UUID caseId, String url) {
        LoopbackCapturing.captureNow(context, caseId, null, url);
    }

    @Autowired org.recourse.matching.internal.index.MatchIndex index;
    @Autowired org.springframework.context.ApplicationContext context;

    /** Waits for the findings; if they do not come, says what the index and the tables hold. */
    private void awaitFindings(UUID originalCase, int count) {
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> findingsOf(originalCase).size() == count);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            List<Map<String, Object>> captured = jdbc.sql("select case_id, url, pdq, quality from match_captured_image order by captured_at")
                    .query().listOfRows();
            StringBuilder hits = new StringBuilder();
            for (Map<String, Object> image : captured) {
                hits.append(image.get("url")).append(" -> ").append(index.lookup(new Signal(SignalType.PDQ, (String) image.get("pdq")),
                        null, false)).append("; ");
            }
            throw new AssertionError("expected " + count + " findings of " + originalCase + "; index " + index.status()
                    + "; entries " + jdbc.sql("select id, case_id, status, signal from match_entry where case_id = ?").param(originalCase)
                    .query().listOfRows() + "; look-ups " + hits + "; unfinished events " + jdbc.sql(
                    "select event_type from event_publication where completion_date is null").query().listOfRows()
                    + "; findings " + jdbc.sql("select original_case_id, url, status from match_finding").query().listOfRows(), e);
        }
    }

    private List<Map<String, Object>> findingsOf(UUID originalCase) {
        return jdbc.sql("select * from match_finding where original_case_id = ? order by found_at").param(originalCase).query().listOfRows();
    }

    @Test
    void aCapturedReuploadBecomesAFindingAnAnalystConfirmsOrDismisses() throws Exception {
        BufferedImage original = picture(5);
        byte[] png = encode(original, "png");
        var hash = new PdqHasher().hash(png);
        UUID victimCase = report();
        HashBanks.BankingResult banked = AuditActor.supplyAs("test", () -> banks.bank(new HashBanks.NewEntries(HashBanks.DEFAULT_BANK,
                EntrySource.VICTIM, null, victimCase, null,
                List.of(new HashBanks.NewSignal(SignalType.PDQ, hash.pdq().hex(), hash.quality())))));
        assertThat(banked.refused()).isEmpty();

        try (TestWebsite site = new TestWebsite()) {
            site.page("/post", "text/html", "<html><body><img src=\"/copy.jpg\"></body></html>".getBytes(StandardCharsets.UTF_8))
                    .page("/copy.jpg", "image/jpeg", encode(original, "jpg"))
                    .page("/other", "text/html", "<html><body><img src=\"/other.jpg\"></body></html>".getBytes(StandardCharsets.UTF_8))
                    .page("/other.jpg", "image/jpeg", encode(original, "jpg"))
                    .page("/unrelated", "text/html", "<html><body><img src=\"/u.png\"></body></html>".getBytes(StandardCharsets.UTF_8))
                    .page("/u.png", "image/png", encode(picture(4), "png"));
            UUID laterCase = report();
            capture(laterCase, site.url("/post").toString());
            capture(laterCase, site.url("/unrelated").toString());

            awaitFindings(victimCase, 1);
            Map<String, Object> finding = findingsOf(victimCase).getFirst();
            assertThat(finding.get("url")).isEqualTo(site.url("/copy.jpg").toString());
            assertThat(finding.get("capture_case_id")).isEqualTo(laterCase);
            assertThat((Integer) finding.get("distance")).isLessThanOrEqualTo(31);

            TestStaff.Account analyst = new TestStaff(jdbc).create(StaffRole.ANALYST);
            StaffHttp staff = new StaffHttp(port);
            staff.signIn(analyst);
            String caseNumber = cases.find(victimCase).orElseThrow().caseNumber();
            assertThat(org.recourse.support.AttentionEntries.containing(staff, "matching", caseNumber))
                    .contains("Mogelijke herplaatsing op 127.0.0.1").contains(caseNumber);

            String findingPath = "/staff/matching/findings/" + finding.get("id");
            Document page = staff.get(findingPath).document();
            assertThat(page.getElementById("finding-summary").text()).contains(caseNumber);
            assertThat(page.getElementById("captured-image").hasClass("guarded")).isTrue();
            assertThat(page.getElementById("original-image").text())
                    .contains("heeft dit beeld op haar eigen apparaat gehasht");
            Document revealed = staff.postForm(findingPath + "/reveal", Map.of()).document();
            assertThat(revealed.getElementById("captured-image").hasClass("revealed")).isTrue();
            assertThat(audit.entriesFor("case", victimCase.toString())).extracting(e -> e.action())
                    .contains("match-finding.created", "match-finding.revealed");

            StaffHttp.Page confirmed = staff.postForm(findingPath + "/confirm", Map.of());
            assertThat(confirmed.redirectsTo("/staff/matching/findings")).isTrue();
            assertThat(staff.get("/staff/matching/findings").document().text()).contains("De herplaatsing is bevestigd.");
            assertThat(staff.get(findingPath).document().getElementById("finding-status").text())
                    .isEqualTo("Bevestigd als herplaatsing");

            capture(laterCase, site.url("/post").toString());
            UUID thirdCase = report();
            capture(thirdCase, site.url("/other").toString());
            awaitFindings(victimCase, 2);
            Map<String, Object> second = findingsOf(victimCase).get(1);
            assertThat(second.get("url")).isEqualTo(site.url("/other.jpg").toString());
            assertThat(staff.postForm("/staff/matching/findings/" + second.get("id") + "/dismiss", Map.of())
                    .redirectsTo("/staff/matching/findings")).isTrue();

            capture(thirdCase, site.url("/other").toString());
            // The capture's event is handled after it commits; a later capture's finding would be there by the time
            // a fresh capture of an unrelated page has been handled too.
            capture(thirdCase, site.url("/unrelated").toString());
            await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("""
                    select count(*) from event_publication where completion_date is null
                      and event_type = 'org.recourse.evidence.ImageCaptured'""").query(Long.class).single() == 0);
            assertThat(findingsOf(victimCase)).extracting(f -> f.get("status")).containsExactly("CONFIRMED", "DISMISSED");
            assertThat(staff.get("/staff/matching/findings").document().select("a[href]").eachAttr("href"))
                    .doesNotContain(findingPath, "/staff/matching/findings/" + second.get("id"));
        }
    }

    @Autowired org.recourse.assessment.internal.queue.WorkingQueue queue;
    @Autowired org.recourse.assessment.internal.assessing.AssessingItem assessing;
    @Autowired org.recourse.assessment.internal.assessing.Decisions decisions;
    @Autowired org.recourse.assessment.internal.questions.QuestionSets questionSets;

    /**
     * The victim's case was assessed and its take-down decision confirmed by two people; her image is
     * banked. A copy turns up on a platform the directory knows (here the test site's address). An
     * analyst confirms the finding: the address becomes a new item of her case, decided "take down"
     * on the earlier assessment in the confirming analyst's name, and waits for a second person
     * (four eyes, as for any take-down); once confirmed, takedown records it for a notice to that platform.
     */
    @Test
    void aConfirmedReuploadGoesStraightToANoticeOnTheEarlierAssessmentWithFourEyes() throws Exception {
        String platform = "reupload-" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("""
                        insert into directory_organisation (id, key, name, kind, notice_email, languages, domains, version, updated_at, updated_by)
                        values (?, ?, 'Herplaatsplatform', 'platform', 'abuse@herplaats.example', '{nl}', '{127.0.0.1}', 1, now(), 'test')""")
                .params(UUID.randomUUID(), platform).update();
        try (TestWebsite site = new TestWebsite()) {
            BufferedImage original = picture(7);
            site.page("/post", "text/html", "<html><body><img src=\"/again.png\"></body></html>".getBytes(StandardCharsets.UTF_8))
                    .page("/again.png", "image/png", encode(original, "png"));

            var fixtures = new org.recourse.assessment.AssessmentFixtures(port, jdbc, cases, questionSets);
            var victim = fixtures.report("non_consensual_sharing", org.recourse.assessment.AssessmentFixtures.url("first-place"));
            String substantiation = "Naaktbeeld zonder toestemming gedeeld; art. 139h Sr. " + UUID.randomUUID();
            assertThat(queue.take(victim.entry(), "anna")).isTrue();
            var first = assessing.submit(victim.entry(), "anna", fixtures.submission(
                    org.recourse.assessment.internal.assessing.Outcome.TAKE_DOWN, substantiation, ""));
            assessing.confirm(first.id(), "bram");
            var hash = new PdqHasher().hash(encode(original, "png"));
            assertThat(AuditActor.supplyAs("test", () -> banks.bank(new HashBanks.NewEntries(HashBanks.DEFAULT_BANK,
                    EntrySource.VICTIM, null, victim.caseId(), null,
                    List.of(new HashBanks.NewSignal(SignalType.PDQ, hash.pdq().hex(), hash.quality()))))).refused()).isEmpty();

            UUID laterCase = report();
            capture(laterCase, site.url("/post").toString());
            awaitFindings(victim.caseId(), 1);
            Map<String, Object> finding = findingsOf(victim.caseId()).getFirst();
            String copy = site.url("/again.png").toString();
            assertThat(finding.get("url")).isEqualTo(copy);

            TestStaff.Account carla = new TestStaff(jdbc).create(StaffRole.ANALYST);
            StaffHttp staff = new StaffHttp(port);
            staff.signIn(carla);
            String findingPath = "/staff/matching/findings/" + finding.get("id");
            assertThat(staff.postForm(findingPath + "/confirm", Map.of()).redirectsTo("/staff/matching/findings")).isTrue();

            var added = await().atMost(Duration.ofSeconds(20)).until(() -> cases.items(victim.caseId()).stream()
                    .filter(i -> copy.equals(i.url())).findFirst(), java.util.Optional::isPresent).orElseThrow();
            var decision = await().atMost(Duration.ofSeconds(20)).until(() -> decisions.forEntry(added.id()), d -> !d.isEmpty()).getFirst();
            assertThat(decision.outcome()).isEqualTo(org.recourse.assessment.internal.assessing.Outcome.TAKE_DOWN);
            assertThat(decision.decidedBy()).as("in the name of the analyst who confirmed the match").isEqualTo(carla.username());
            assertThat(decision.pending()).as("four eyes, as for any take-down").isTrue();
            assertThat(takedownItems(added.id())).as("nothing before a second person confirms").isEmpty();

            assessing.confirm(decision.id(), "dirk");
            await().atMost(Duration.ofSeconds(20)).until(() -> !takedownItems(added.id()).isEmpty());
            Map<String, Object> item = takedownItems(added.id()).getFirst();
            assertThat(item).containsEntry("recipient_key", platform).containsEntry("status", "pending")
                    .containsEntry("substantiation", substantiation).containsEntry("url", copy);
            assertThat(audit.entriesFor("case", victim.caseId().toString())).extracting(e -> e.action()).contains("case.item-added");
            await("the statistics count the re-upload on its platform").atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                    "select count(*) from stat_reupload where case_id = ? and platform = ?").params(victim.caseId(), platform)
                    .query(Long.class).single() == 1);

            assertThat(staff.postForm(findingPath + "/confirm", Map.of()).status()).as("confirming twice").isNotEqualTo(500);
            assertThat(cases.items(victim.caseId())).filteredOn(i -> copy.equals(i.url())).hasSize(1);
        } finally {
            jdbc.sql("update directory_organisation set domains = '{}' where key = ?").param(platform).update();
        }
    }

    private List<Map<String, Object>> takedownItems(UUID reportedItem) {
        return jdbc.sql("select * from takedown_item where reported_item_id = ?").param(reportedItem).query().listOfRows();
    }

    @Test
    void anAnalystBanksACapturedImageAndItsReuploadIsShownBesideIt() throws Exception {
        BufferedImage original = picture(12);
        try (TestWebsite site = new TestWebsite()) {
            site.page("/first", "text/html", "<html><body><img src=\"/a.png\"></body></html>".getBytes(StandardCharsets.UTF_8))
                    .page("/a.png", "image/png", encode(original, "png"))
                    .page("/again", "text/html", "<html><body><img src=\"/b.jpg\"></body></html>".getBytes(StandardCharsets.UTF_8))
                    .page("/b.jpg", "image/jpeg", encode(original, "jpg"));
            UUID victimCase = report();
            String victimNumber = cases.find(victimCase).orElseThrow().caseNumber();
            capture(victimCase, site.url("/first").toString());

            StaffHttp staff = new StaffHttp(port);
            staff.signIn(new TestStaff(jdbc).create(StaffRole.ANALYST));
            String imagesPath = "/staff/matching/cases/" + victimNumber;
            await().atMost(Duration.ofSeconds(20)).until(() -> staff.get(imagesPath).document().select("tr.case-image").size() == 1);
            Document images = staff.get(imagesPath).document();
            String evidenceId = images.selectFirst("tr.case-image input[name=evidence]").val();

            StaffHttp.Page banked = staff.postForm(imagesPath + "/bank", Map.of("evidence", evidenceId));
            assertThat(banked.redirectsTo(imagesPath)).isTrue();
            Document after = staff.get(imagesPath).document();
            assertThat(after.getElementById("banking-message").text()).isEqualTo("Opgenomen.");
            assertThat(after.selectFirst("tr.case-image").text()).contains("Ja (item ");
            Map<String, Object> entry = jdbc.sql("select * from match_entry where evidence_id = ?::uuid").param(evidenceId)
                    .query().singleRow();
            assertThat(entry).containsEntry("source", "ANALYST").containsEntry("case_id", victimCase).containsEntry("status", "ACTIVE");

            UUID laterCase = report();
            capture(laterCase, site.url("/again").toString());
            awaitFindings(victimCase, 1);
            Map<String, Object> finding = findingsOf(victimCase).getFirst();
            assertThat(finding.get("original_evidence_id").toString()).isEqualTo(evidenceId);
            Document page = staff.get("/staff/matching/findings/" + finding.get("id")).document();
            assertThat(page.select("#original-image img").attr("src")).isEqualTo("/staff/evidence/objects/" + evidenceId + "/content");
            assertThat(page.getElementById("original-image").hasClass("guarded")).isTrue();

            Document casePage = staff.get("/staff/cases/" + victimNumber).document();
            assertThat(casePage.getElementById("matching-banked").text()).isEqualTo("1 hash van deze zaak in de hashbank");
            assertThat(casePage.select("#matching-findings a").text())
                    .isEqualTo("Een beeld van deze zaak elders teruggevonden (afstand " + finding.get("distance") + ") (Te beoordelen)");
            assertThat(casePage.select("#matching-images a").attr("href")).isEqualTo(imagesPath);

            UUID minorCase = report(true);
            String minorNumber = cases.find(minorCase).orElseThrow().caseNumber();
            capture(minorCase, site.url("/first").toString());
            await().atMost(Duration.ofSeconds(20)).until(() ->
                    staff.get("/staff/matching/cases/" + minorNumber).document().select("tr.case-image").size() == 1);
            String minorEvidence = staff.get("/staff/matching/cases/" + minorNumber).document()
                    .selectFirst("tr.case-image input[name=evidence]").val();
            staff.postForm("/staff/matching/cases/" + minorNumber + "/bank", Map.of("evidence", minorEvidence));
            assertThat(staff.get("/staff/matching/cases/" + minorNumber).document().getElementById("banking-message").text())
                    .startsWith("Niet opgenomen: deze zaak volgt de route voor seksueel misbruik van kinderen");
            assertThat(jdbc.sql("select count(*) from match_entry where evidence_id = ?::uuid").param(minorEvidence)
                    .query(Long.class).single()).isZero();
            assertThat(jdbc.sql("select count(*) from match_finding where capture_case_id = ?").param(minorCase)
                    .query(Long.class).single()).as("no finding shows material of the child-abuse route").isZero();
        }
    }
}
