import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;
import org.recourse.RecourseApplication;
import org.recourse.evidence.internal.fetch.AddressPolicy;
import org.recourse.evidence.internal.fetch.LoopbackTestServers;
import org.recourse.takedown.internal.monitoring.CheckingOnline;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Online checks per second: the application's own CheckingOnline (claim a batch with SKIP LOCKED,
 * fetch through the safe fetcher on virtual threads with per-host limits, record outcomes) against
 * a local web server answering on many loopback addresses (127.0.x.y), so the per-host limit
 * applies as it would across many sites. The background workers are off: the harness drives the checks.
 *
 * Usage: java -cp CLASSPATH OnlineCheckBench.java DATA_DIR ITEMS HOSTS ROUNDS
 */
public class OnlineCheckBench {

    /** The test-only address policy (loopback allowed); registered as a source of this context only. */
    static class LoopbackAllowed {
        @Bean
        AddressPolicy addressPolicy() {
            return new LoopbackTestServers();
        }
    }

    public static void main(String[] args) throws Exception {
        String dataDir = args[0];
        int items = Integer.parseInt(args[1]);
        int hosts = Integer.parseInt(args[2]);
        int rounds = Integer.parseInt(args[3]);
        byte[] page = "<html><body>still here</body></html>".getBytes(StandardCharsets.UTF_8);
        HttpServer server = HttpServer.create(new InetSocketAddress("0.0.0.0", 0), 4096);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Content-Type", "text/html");
            exchange.sendResponseHeaders(200, page.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(page);
            }
        });
        server.start();
        int port = server.getAddress().getPort();

        ConfigurableApplicationContext app = new SpringApplicationBuilder(RecourseApplication.class, LoopbackAllowed.class).run(
                "--server.port=0", "--recourse.data-dir=" + dataDir, "--recourse.db.embedded-fresh=true",
                "--spring.main.allow-bean-definition-overriding=true", "--recourse.takedown.workers=false",
                "--recourse.takedown.monitoring.batch-size=2000", "--recourse.takedown.monitoring.min-interval=1h",
                "--logging.level.root=WARN");
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        CheckingOnline checking = app.getBean(CheckingOnline.class);
        UUID caseId = UUID.randomUUID();
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            int h = i % hosts;
            String host = "127.0." + (h / 250) + "." + (h % 250 + 1);
            rows.add(new Object[] {UUID.randomUUID(), caseId, UUID.randomUUID(), UUID.randomUUID(),
                    "http://" + host + ":" + port + "/item/" + i, host});
        }
        jdbc.batchUpdate("""
                insert into takedown_item (id, case_id, reported_item_id, assessment_id, url, host, recipient_key, recipient_source,
                    legal_status, substantiation, child_sexual_abuse, decided_by, decided_at, status, first_notified_at,
                    last_notified_at, next_check_at, created_at)
                values (?, ?, ?, ?, ?, ?, 'bench', 'platform', 'ILLEGAL', 'benchmark', false, 'bench', now(), 'notified', now(), now(),
                    now(), now())""", rows);

        for (int round = 1; round <= rounds; round++) {
            jdbc.update("update takedown_item set next_check_at = now() where recipient_key = 'bench'");
            long start = System.nanoTime();
            int checked = 0;
            int batch;
            while ((batch = checking.checkDue()) > 0) {
                checked += batch;
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long online = jdbc.queryForObject("select count(*) from takedown_check where outcome = 'online'", Long.class);
            System.out.printf("round %d: %d checks in %.2f s = %.0f checks/s (online outcomes so far: %d)%n", round, checked, seconds,
                    checked / seconds, online);
        }
        app.close();
        server.stop(0);
        System.exit(0);
    }
}
