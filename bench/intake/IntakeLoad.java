package intake;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import data.ConstantRate;

/**
 * Constant-rate load on POST /api/v1/reports ({@link ConstantRate}: latency from each request's due
 * time, no coordinated omission), each report with its own reference and Idempotency-Key.
 *
 * <p>Usage: {@code java bench/intake/IntakeLoad.java BASE_URL API_KEY RATE_PER_SECOND SECONDS [WARMUP_SECONDS] [CONNECTIONS]}
 */
public class IntakeLoad {

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        Reports reports = new Reports(args[1]);
        int rate = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        int warmup = args.length > 4 ? Integer.parseInt(args[4]) : 10;
        int connections = args.length > 5 ? Integer.parseInt(args[5]) : 64;
        if (warmup > 0) {
            System.out.printf("warm-up: %d s at %d/s%n", warmup, rate);
            ConstantRate.run(base, reports, rate, warmup, connections).print(rate, warmup);
        }
        System.out.printf("measure: %d s at %d/s over %d connections%n", seconds, rate, connections);
        ConstantRate.run(base, reports, rate, seconds, connections).print(rate, seconds);
    }

    /** One report per request: 201 is success. */
    record Reports(String key) implements ConstantRate.Requests {

        @Override
        public byte[] request(URI base, int index) {
            String reference = UUID.randomUUID().toString();
            byte[] body = """
                    {"reporterType":"professional","forms":["non_consensual_sharing"],\
                    "items":[{"url":"https://bench.example/v/%s?utm_source=x","platform":"ExampleTube","account":"u%d"}],\
                    "minor":"no","policeContacted":"no","reference":"%s"}"""
                    .formatted(reference, index % 1000, reference).getBytes(StandardCharsets.UTF_8);
            byte[] head = ("POST /api/v1/reports HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                    + "\r\nAuthorization: Bearer " + key + "\r\nContent-Type: application/json\r\nIdempotency-Key: "
                    + reference + "\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
            byte[] request = new byte[head.length + body.length];
            System.arraycopy(head, 0, request, 0, head.length);
            System.arraycopy(body, 0, request, head.length, body.length);
            return request;
        }

        @Override
        public int expectedStatus() {
            return 201;
        }
    }
}
