package escalation;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

import javax.imageio.ImageIO;
import javax.sql.DataSource;

import data.CaseData;
import org.recourse.audit.AuditActor;
import org.recourse.escalation.EscalationCandidates;
import org.recourse.escalation.internal.dossier.WritingDossiers;
import org.recourse.evidence.internal.StoringEvidence;
import org.recourse.evidence.internal.capture.ImageSignals;
import org.recourse.platform.CliCommand;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Escalation at scale (issue 15), on a fresh embedded PostgreSQL filled by the shared generator:
 * <ol>
 *   <li>candidates over NOTICES notices (a year, 40 platforms) with 1 % of the reported items overdue:
 *       {@link EscalationCandidates#candidates()} timed RUNS times (target ≤ 1 s);</li>
 *   <li>the dossier of one request for one platform with ITEMS items in ITEMS cases, each case holding a
 *       synthetic screenshot (captured as the capture worker does: hashed, its blurred copy made) and a media
 *       file of MEDIA_MB MB (the originals go
 *       into the ZIP): written to a file, timed (target ≤ 30 s for 500 items and 2 GB) with the heap's
 *       peak use reported (the JVM runs with -Xmx512m, far below the evidence's size), then verified
 *       with {@code verify-package}.</li>
 * </ol>
 * Usage: java -cp CLASSPATH bench/escalation/EscalationBench.java DATA_DIR CASES NOTICES RUNS ITEMS MEDIA_MB
 */
public class EscalationBench {

    public static void main(String[] args) {
        data.BenchApplication.runAndExit(() -> run(args));
    }

    private static void run(String[] args) throws Exception {
        String dataDir = args[0];
        int cases = Integer.parseInt(args[1]);
        int notices = Integer.parseInt(args[2]);
        int runs = Integer.parseInt(args[3]);
        int items = Integer.parseInt(args[4]);
        int mediaMb = Integer.parseInt(args[5]);
        ConfigurableApplicationContext app = data.BenchApplication.start(dataDir, true, "--db-scheduler.enabled=false");
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        try (Connection c = app.getBean(DataSource.class).getConnection()) {
            for (int done = 0; done < cases; done += 250_000) {
                CaseData.generate(c, Math.min(250_000, cases - done), 0.42 + done / 10_000_000.0);
            }
            CaseData.generateNotices(c, notices, 0.01);
        }
        System.out.println("takedown_notice: " + jdbc.sql("select count(*) from takedown_notice").query(Long.class).single()
                + ", open overdue items: " + jdbc.sql("select count(*) from escalation_item where offline_at is null").query(Long.class).single());

        EscalationCandidates candidates = app.getBean(EscalationCandidates.class);
        List<Double> times = new ArrayList<>();
        int found = 0;
        for (int i = 0; i < runs + 1; i++) {
            long start = System.nanoTime();
            found = candidates.candidates().size();
            double ms = (System.nanoTime() - start) / 1e6;
            if (i > 0) {
                times.add(ms);
            }
        }
        List<Double> sorted = times.stream().sorted().toList();
        System.out.printf("candidates: %d over %d notices; first run excluded, %d runs: p50 %.0f ms, max %.0f ms%n", found, notices,
                sorted.size(), sorted.get(sorted.size() / 2), sorted.getLast());

        dossier(app, jdbc, dataDir, items, mediaMb);
        app.close();
    }

    private static void dossier(ConfigurableApplicationContext app, JdbcClient jdbc, String dataDir, int items, int mediaMb)
            throws Exception {
        jdbc.sql("""
                        insert into directory_organisation (id, key, name, kind, country, vlop, video_platform, trusted_flagger, languages,
                            aliases, domains, source_notes, version, updated_at, updated_by)
                        values (gen_random_uuid(), 'bench-platform', 'Bench Platform', 'platform', 'NL', false, false, false, array['nl'],
                            array[]::text[], array['bench-platform.example'], '[]'::jsonb, 1, now(), 'bench')""").update();
        UUID request = UUID.randomUUID();
        jdbc.sql("""
                        insert into escalation_request (id, reference, platform_key, authority_key, language, state, drafted_by, drafted_at,
                            dossier_originals)
                        values (?, 'ER-BENCH234', 'bench-platform', 'acm', 'nl', 'draft', 'bench', now(), true)""").param(request).update();
        List<Map<String, Object>> chosen = jdbc.sql("""
                        select distinct on (i.case_id) i.id, i.case_id, i.url, c.case_number from reported_item i
                        join intake_case c on c.id = i.case_id order by i.case_id limit ?""").param(items).query().listOfRows();
        StoringEvidence storing = app.getBean(StoringEvidence.class);
        ImageSignals images = app.getBean(ImageSignals.class);
        byte[] screenshot = screenshot();
        long stored = 0;
        long start = System.nanoTime();
        for (int n = 0; n < chosen.size(); n++) {
            Map<String, Object> row = chosen.get(n);
            UUID caseId = (UUID) row.get("case_id");
            UUID itemId = (UUID) row.get("id");
            String url = (String) row.get("url");
            jdbc.sql("""
                            insert into escalation_request_item (request_id, reported_item_id, case_id, url, reasons, case_number,
                                notices_sent, overdue_since)
                            values (?, ?, ?, ?, '{notices-ignored}', ?, 2, now() - interval '9 days')""")
                    .params(request, itemId, caseId, url, row.get("case_number")).update();
            StoringEvidence.Provenance provenance = new StoringEvidence.Provenance(itemId, null, url, url, 200, "{}", "[]",
                    "192.0.2.1", null, Instant.now());
            var shot = storing.store(caseId, "capture", "screenshot", "screenshot.png", "image/png",
                    new java.io.ByteArrayInputStream(screenshot), "bench", provenance);
            images.screenshot(shot.id(), screenshot, Instant.now());
            stored += shot.size();
            stored += storing.store(caseId, "capture", "media", "clip.mp4", "video/mp4",
                    new RandomBytes(mediaMb * 1024L * 1024L, n), "bench", provenance).size();
        }
        System.out.printf("dossier: %d items, %.2f GB of evidence stored in %.0f s%n", chosen.size(), stored / 1e9,
                (System.nanoTime() - start) / 1e9);

        WritingDossiers dossiers = app.getBean(WritingDossiers.class);
        Path out = Path.of(dataDir, "dossier.zip");
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        start = System.nanoTime();
        double[] prepared = new double[1];
        long began = start;
        AuditActor.runAs("bench", () -> {
            try (OutputStream file = Files.newOutputStream(out)) {
                WritingDossiers.Prepared dossier = dossiers.prepare("ER-BENCH234");
                prepared[0] = (System.nanoTime() - began) / 1e9;
                dossiers.write(dossier, file);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("dossier gathered (timelines, blurred pictures, PDF) in %.1f s%n", prepared[0]);
        long oldPeak = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .filter(p -> p.getName().contains("Old")).mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        System.out.printf("dossier written: %.2f GB in %.1f s; heap limit %d MB, old generation peak %d MB%n", Files.size(out) / 1e9,
                seconds, Runtime.getRuntime().maxMemory() / (1024 * 1024), oldPeak / (1024 * 1024));
        CliCommand verify = app.getBeansOfType(CliCommand.class).values().stream().filter(c -> c.name().equals("verify-package"))
                .findFirst().orElseThrow();
        start = System.nanoTime();
        int exit = verify.run(List.of(out.toString()), System.out, System.err);
        System.out.printf("verify-package: exit %d in %.1f s%n", exit, (System.nanoTime() - start) / 1e9);
        Files.delete(out);
    }

    /** A page-like picture: a header bar, blocks of "text" and a photo-sized rectangle. */
    static byte[] screenshot() throws IOException {
        BufferedImage page = new BufferedImage(1280, 1800, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = page.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 1280, 1800);
        g.setColor(new Color(40, 60, 120));
        g.fillRect(0, 0, 1280, 80);
        g.setColor(Color.GRAY);
        for (int y = 140; y < 1700; y += 28) {
            g.fillRect(80, y, 600 + (y * 37) % 400, 12);
        }
        g.setColor(new Color(180, 140, 120));
        g.fillRect(720, 160, 480, 640);
        g.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(page, "png", png);
        return png.toByteArray();
    }

    /** {@code size} pseudo-random bytes, different for every seed (identical bytes would be stored once). */
    static final class RandomBytes extends InputStream {
        private final SplittableRandom random;
        private long left;

        RandomBytes(long size, long seed) {
            this.random = new SplittableRandom(seed * 7919 + 17);
            this.left = size;
        }

        @Override
        public int read() {
            if (left <= 0) {
                return -1;
            }
            left--;
            return random.nextInt(256);
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(len, left);
            for (int i = 0; i < n; i += 8) {
                long value = random.nextLong();
                for (int k = 0; k < 8 && i + k < n; k++) {
                    b[off + i + k] = (byte) (value >>> (8 * k));
                }
            }
            left -= n;
            return n;
        }
    }
}
