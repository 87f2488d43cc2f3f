package org.recourse.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.recourse.support.Eventually.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.recourse.accounts.StaffRole;
import org.recourse.audit.AuditActor;
import org.recourse.evidence.internal.fetch.TestWebsite;
import org.recourse.intake.ReportedItem;
import org.recourse.pdq.PdqHasher;
import org.recourse.support.StaffHttp;
import org.recourse.support.TestStaff;
import org.recourse.takedown.TakedownIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * One victim's image is banked. Another case reports an address on a test website that serves the
 * same picture; a notice goes out and the online checks watch the address. The check hashes the image
 * it fetches, in memory: matching finds the first victim's entry and an analyst gets a finding, whose
 * page says the image was seen during an online check and not kept. Nothing of the fetched image is stored.
 */
class ReuploadSeenOnlineTest extends TakedownIntegrationTest {

    @Autowired HashBanks banks;

    @Test
    void anImageAnOnlineCheckFetchesIsMatchedAgainstTheBanks() throws Exception {
        byte[] png = ReuploadDetectionTest.encode(ReuploadDetectionTest.picture(5), "png");
        var hash = new PdqHasher().hash(png);
        UUID victim = report("https://first-place-" + UUID.randomUUID() + ".example/photo.jpg");
        UUID victimEntry = cases.items(victim).getFirst().id();
        assertThat(queue.take(victimEntry, "anna")).isTrue();
        var earlier = assessing.submit(victimEntry, "anna", new org.recourse.assessment.AssessmentFixtures(port, jdbc, cases, questionSets)
                .submission(org.recourse.assessment.internal.assessing.Outcome.TAKE_DOWN, "Naaktbeeld zonder toestemming; art. 139h Sr.", ""));
        assessing.confirm(earlier.id(), "bram");
        assertThat(AuditActor.supplyAs("test", () -> banks.bank(new HashBanks.NewEntries(HashBanks.DEFAULT_BANK, EntrySource.VICTIM,
                null, victim, null, List.of(new HashBanks.NewSignal(SignalType.PDQ, hash.pdq().hex(), hash.quality()))))).refused()).isEmpty();

        try (TestWebsite site = new TestWebsite()) {
            String id = UUID.randomUUID().toString();
            site.page("/" + id + "/again.png", "image/png", png);
            String platform = recipient("Again Platform", false, "abuse-" + id + "@site.test", null, null, "nl");
            UUID other = report(site.url("/" + id + "/again.png").toString());
            ReportedItem item = cases.items(other).getFirst();
            long storedBefore = count("select count(*) from evidence_object where case_id = ?", other);
            decide(other, item, platform, false, longAgo());

            await("the online check finds the banked image at the new address", Duration.ofSeconds(40), () -> count(
                    "select count(*) from match_finding where original_case_id = ? and capture_case_id = ?", victim, other) == 1);
            Map<String, Object> finding = jdbc.sql("select * from match_finding where original_case_id = ?").param(victim).query().singleRow();
            assertThat(finding).containsEntry("url", item.url()).containsEntry("status", "OPEN");
            assertThat(finding.get("evidence_id")).as("an online check keeps nothing").isNull();
            assertThat(count("select count(*) from evidence_object where case_id = ?", other)).isEqualTo(storedBefore);

            TestStaff.Account carla = new TestStaff(jdbc).create(StaffRole.ANALYST);
            StaffHttp analyst = new StaffHttp(port);
            analyst.signIn(carla);
            var page = analyst.get("/staff/matching/findings/" + finding.get("id")).document();
            assertThat(page.getElementById("seen-online").text()).startsWith("Gezien bij een online controle van dit adres");

            // Confirming it leads to a notice: the address joins the victim's case, decided on her earlier
            // assessment, a second person confirms (four eyes), and the platform at that address gets the notice.
            jdbc.sql("update directory_organisation set domains = '{127.0.0.1}' where key = ?").param(platform).update();
            try {
                analyst.postForm("/staff/matching/findings/" + finding.get("id") + "/confirm", java.util.Map.of());
                var added = org.recourse.support.Eventually.awaitValue("the address joins the victim's case", Duration.ofSeconds(20),
                        () -> cases.items(victim).stream().filter(i -> i.url().equals(item.url())).findFirst().orElse(null));
                var decision = org.recourse.support.Eventually.awaitValue("a take-down decision waits for a second person",
                        Duration.ofSeconds(20), () -> decisions.forEntry(added.id()).stream().findFirst().orElse(null));
                assertThat(decision.pending()).isTrue();
                assertThat(decision.decidedBy()).isEqualTo(carla.username());
                long noticesBefore = noticesAbout(id, item.url());
                AuditActor.runAs("bram", () -> assessing.confirm(decision.id(), "bram"));
                clock.advance(Duration.ofMinutes(31));
                await("the platform at the new address gets a notice for the victim's case", Duration.ofSeconds(30),
                        () -> noticesAbout(id, item.url()) > noticesBefore);
                assertThat(jdbc.sql("select status from takedown_item where reported_item_id = ?").param(added.id()).query(String.class)
                        .single()).isEqualTo("notified");
            } finally {
                jdbc.sql("update directory_organisation set domains = '{}' where key = ?").param(platform).update();
            }
        }
    }

    @Autowired org.recourse.assessment.internal.assessing.AssessingItem assessing;
    @Autowired org.recourse.assessment.internal.assessing.Decisions decisions;

    @Autowired org.recourse.assessment.internal.queue.WorkingQueue queue;
    @Autowired org.recourse.assessment.internal.questions.QuestionSets questionSets;

    /** Notices GreenMail received at the test platform's address that name {@code url}. */
    private static long noticesAbout(String id, String url) {
        return mailTo("abuse-" + id + "@site.test").stream().filter(m -> text(m).contains(url)).count();
    }

    private static String text(jakarta.mail.internet.MimeMessage message) {
        try {
            Object content = message.getContent();
            if (content instanceof jakarta.mail.Multipart parts) {
                StringBuilder all = new StringBuilder();
                for (int i = 0; i < parts.getCount(); i++) {
                    if (parts.getBodyPart(i).getContent() instanceof String part) {
                        all.append(part);
                    }
                }
                return all.toString();
            }
            return String.valueOf(content);
        } catch (Exception e) {
            return "";
        }
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }
}
