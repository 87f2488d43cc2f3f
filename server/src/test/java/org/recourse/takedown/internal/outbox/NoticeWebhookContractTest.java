package org.recourse.takedown.internal.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.recourse.RecourseTest;
import org.recourse.support.OpenApiSchemas;
import org.recourse.takedown.internal.notices.NoticeContent;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What {@link PlatformApiChannel} posts to a platform, caught by a real HTTP server, is what the
 * {@code notice} webhook in the served OpenAPI document describes: the body validates against its
 * schema, with and without a named notifier, and the headers it declares are sent.
 */
@RecourseTest
class NoticeWebhookContractTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    PlatformApiChannel channel;

    private HttpServer platform;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    private record Received(Headers headers, String body) {
    }

    @BeforeEach
    void startPlatform() throws Exception {
        platform = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        platform.createContext("/notices", exchange -> {
            received.add(new Received(exchange.getRequestHeaders(),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            byte[] answer = "{\"id\":\"P-1\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(201, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        platform.start();
    }

    @AfterEach
    void stopPlatform() {
        platform.stop(0);
    }

    @Test
    void theBodyPostedToAPlatformMatchesTheDocumentedNoticeSchema() throws Exception {
        OpenApiSchemas document = new OpenApiSchemas(apiDocs());

        assertThat(channel.deliver(notice("TD-WEBHOOK0001", "Helpwanted", "meldingen@helpwanted.example.org",
                "deepfake", "doxing"))).isEqualTo("P-1");
        assertThat(channel.deliver(notice("TD-WEBHOOK0002", null, null, "csam"))).isEqualTo("P-1");

        assertThat(received).hasSize(2);
        for (Received request : received) {
            JsonNode body = JSON.readTree(request.body());
            assertThat(document.violations("/components/schemas/Notice", body)).as(request.body()).isEmpty();
            assertThat(request.headers().getFirst("Idempotency-Key")).isEqualTo(body.get("reference").asString());
        }
        JsonNode anonymous = JSON.readTree(received.get(1).body());
        assertThat(anonymous.get("notifier").isNull()).isTrue();
        assertThat(anonymous.get("notifierLeftOutReason").asString()).isEqualTo("child_sexual_abuse_material");
    }

    @Test
    void theSchemaRejectsABodyThatBreaksIt() throws Exception {
        OpenApiSchemas document = new OpenApiSchemas(apiDocs());
        channel.deliver(notice("TD-WEBHOOK0003", "Helpwanted", "meldingen@helpwanted.example.org", "deepfake"));
        var body = (tools.jackson.databind.node.ObjectNode) JSON.readTree(received.getFirst().body());
        body.remove("reference");
        body.putObject("notifier").put("name", "Helpwanted");

        assertThat(document.violations("/components/schemas/Notice", body)).hasSizeGreaterThanOrEqualTo(2);
    }

    private OutgoingNotice notice(String reference, String notifierName, String notifierEmail, String... forms) {
        NoticeContent content = new NoticeContent(reference, "Forum B.V.", true, notifierName, notifierEmail,
                List.of(new NoticeContent.Item("https://forum.example/t/" + reference, List.of(), "ILLEGAL",
                        List.of("art. 139h Sr"), "Explanation by the analyst.", List.of(forms),
                        Instant.parse("2026-03-04T10:15:30Z"))));
        return new OutgoingNotice(UUID.randomUUID(), reference, "forum", "api",
                "http://127.0.0.1:" + platform.getAddress().getPort() + "/notices", "en", "Notice " + reference,
                "Notice text " + reference, null, content);
    }

    private String apiDocs() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v3/api-docs")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
