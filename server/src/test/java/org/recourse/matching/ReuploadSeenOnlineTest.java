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

            StaffHttp analyst = new StaffHttp(port);
            analyst.signIn(new TestStaff(jdbc).create(StaffRole.ANALYST));
            var page = analyst.get("/staff/matching/findings/" + finding.get("id")).document();
            assertThat(page.getElementById("seen-online").text()).startsWith("Gezien bij een online controle van dit adres");
        }
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }
}
