package org.recourse.intake.internal.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.recourse.intake.Channel;
import org.recourse.intake.internal.cases.Choices;
import org.recourse.intake.internal.cases.NewReport;
import org.recourse.intake.internal.cases.Passphrases;
import org.recourse.intake.internal.cases.ReportValidation;
import org.recourse.intake.internal.cases.SecretHashing;
import org.recourse.intake.internal.cases.SubmittingReport;
import org.recourse.platform.DemoActor;
import org.recourse.platform.DemoDay;
import org.recourse.platform.DemoPlatforms;
import org.recourse.taxonomy.Taxonomy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo's reporters: each day's reports arrive through intake's own submission, at random moments
 * between seven in the morning and midnight, by the web form most often and by phone, chat, e-mail and
 * partners otherwise, about items on the synthetic platforms. Every description says it is synthetic;
 * nobody leaves contact details.
 */
@Component
class IntakeDemo implements DemoActor {

    private static final List<String> FORMS = List.of("non_consensual_sharing", "non_consensual_sharing", "deepfake", "sextortion",
            "threat_to_share", "doxing", "cyberstalking");
    private static final List<String> WORDS = List.of("foto", "video", "gedeeld", "zonder toestemming", "ex", "account", "groep",
            "dreigt", "geld", "nep", "school", "werk", "forum", "profiel");

    /** The share of reports whose first item is a picture already reported before, online again. */
    static final double REUPLOADS = 0.06;

    /** One secret for every synthetic case, hashed once (hashing is slow on purpose), printed at the end. */
    private String secret;
    private String secretHash;

    private final SubmittingReport submitting;
    private final SecretHashing secrets;
    private final Taxonomy taxonomy;
    private final JdbcClient jdbc;

    IntakeDemo(SubmittingReport submitting, SecretHashing secrets, Taxonomy taxonomy, JdbcClient jdbc) {
        this.submitting = submitting;
        this.secrets = secrets;
        this.taxonomy = taxonomy;
        this.jdbc = jdbc;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public boolean holdsRealData() {
        return jdbc.sql("select exists (select 1 from intake_case)").query(Boolean.class).single();
    }

    @Override
    public void prepare(DemoDay first) {
        secret = Passphrases.next();
        secretHash = secrets.hash(secret);
    }

    @Override
    public List<String> summary() {
        return secret == null ? List.of() : List.of("every synthetic case opens on the status page (/status) with its case number and the secret "
                + secret);
    }

    @Override
    public void act(DemoDay day) {
        SplittableRandom random = day.randomFor("intake");
        List<Integer> minutes = new ArrayList<>();
        for (int i = 0; i < day.reports(); i++) {
            minutes.add(7 * 60 + random.nextInt(17 * 60));
        }
        minutes.sort(Integer::compare);
        for (int minute : minutes) {
            day.moveTo(minute);
            ReportValidation.Outcome outcome = ReportValidation.validate(report(random, day), taxonomy::isActive);
            if (!outcome.valid()) {
                throw new IllegalStateException("a synthetic report was refused: " + outcome.errors());
            }
            submitting.submit(outcome.report(), secret, secretHash);
        }
    }

    private NewReport report(SplittableRandom random, DemoDay day) {
        double c = random.nextDouble();
        Channel channel = c < 0.62 ? Channel.WEB_FORM : c < 0.77 ? Channel.PHONE : c < 0.85 ? Channel.CHAT : c < 0.93 ? Channel.EMAIL
                : Channel.PARTNER_API;
        String form = pick(random, FORMS);
        List<String> forms = random.nextDouble() < 0.2 ? List.of(form, "sextortion".equals(form) ? "threat_to_share" : "sextortion")
                : List.of(form);
        int count = 1 + (random.nextDouble() < 0.3 ? 1 : 0) + (random.nextDouble() < 0.1 ? 1 : 0);
        List<NewReport.Item> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            DemoPlatforms.Platform platform = platform(random);
            String path = Long.toHexString(random.nextLong() & Long.MAX_VALUE);
            if (i == 0 && random.nextDouble() < REUPLOADS) {
                path = reupload(random, day).orElse(path);
            }
            items.add(new NewReport.Item("https://" + platform.domain() + "/" + (random.nextBoolean() ? "p/" : "v/") + path, null,
                    random.nextDouble() < 0.3 ? "@demo_" + path.substring(0, Math.min(6, path.length())) : null, null, null));
        }
        String description = "[synthetisch] " + pick(random, WORDS) + " " + pick(random, WORDS) + " " + pick(random, WORDS);
        NewReport.Monitoring monitoring = random.nextDouble() < 0.7
                ? new NewReport.Monitoring(pick(random, weighted(Choices.GENDER, "woman", 6)), pick(random, Choices.AGE_BAND.subList(2, 8)),
                        pick(random, Choices.RELATIONSHIP), null)
                : NewReport.Monitoring.NONE;
        NewReport.Origin origin = channel == Channel.PARTNER_API ? new NewReport.Origin("Partner (synthetisch)", null, null, null)
                : channel == Channel.PHONE ? new NewReport.Origin(null, null, null, "demo-analyst-1") : NewReport.Origin.NONE;
        return new NewReport(channel, pick(random, List.of("self", "self", "self", "on_behalf", "professional")), forms, null, items,
                false, pick(random, Choices.STARTED), pick(random, Choices.YES_NO_UNSURE), "no", pick(random, Choices.YES_NO_UNSURE),
                description, NewReport.Contact.NONE, monitoring, origin);
    }

    /**
     * The same picture, put online again at a new address: the content part of an item reported at
     * least two weeks ago, with a suffix. Its capture shows the same picture, so matching can find it.
     */
    private java.util.Optional<String> reupload(SplittableRandom random, DemoDay day) {
        java.sql.Timestamp before = java.sql.Timestamp.from(day.time().now().minus(java.time.Duration.ofDays(14)));
        long earlier = jdbc.sql("""
                        select count(*) from reported_item i join intake_case c on c.id = i.case_id
                        where c.received_at < ? and i.url not like '%-r%'""").param(before).query(Long.class).single();
        if (earlier == 0) {
            return java.util.Optional.empty();
        }
        String url = jdbc.sql("""
                        select i.url from reported_item i join intake_case c on c.id = i.case_id
                        where c.received_at < ? and i.url not like '%-r%' order by i.url limit 1 offset ?""")
                .params(before, random.nextLong(earlier)).query(String.class).single();
        return java.util.Optional.of(url.substring(url.lastIndexOf('/') + 1) + "-r" + (1 + random.nextInt(9)));
    }

    private static DemoPlatforms.Platform platform(SplittableRandom random) {
        double r = random.nextDouble();
        for (DemoPlatforms.Platform platform : DemoPlatforms.ALL) {
            r -= platform.share();
            if (r < 0) {
                return platform;
            }
        }
        return DemoPlatforms.ALL.getLast();
    }

    private static List<String> weighted(List<String> values, String value, int times) {
        List<String> out = new ArrayList<>(values);
        for (int i = 1; i < times; i++) {
            out.add(value);
        }
        return out;
    }

    private static <T> T pick(SplittableRandom random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
