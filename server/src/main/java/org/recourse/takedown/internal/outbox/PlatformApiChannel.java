package org.recourse.takedown.internal.outbox;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.recourse.platform.DeliveryFailure;
import org.recourse.takedown.internal.TakedownSettings;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends a notice as JSON to a platform's notice API (the directory's {@code noticeApi} URL). The
 * notice reference goes along as {@code Idempotency-Key}, so a retry after a crash is recognised
 * by a platform that honours it. Platforms with their own format plug in as another
 * {@link NoticeChannel}; this is the generic shape.
 */
@Component
class PlatformApiChannel implements NoticeChannel {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final JsonMapper json;
    private final TakedownSettings settings;

    PlatformApiChannel(JsonMapper json, TakedownSettings settings) {
        this.json = json;
        this.settings = settings;
    }

    @Override
    public String code() {
        return "api";
    }

    @Override
    public String deliver(OutgoingNotice notice) throws IOException, InterruptedException, DeliveryFailure {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(notice.address()))
                .timeout(settings.mail().timeout())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("Idempotency-Key", notice.reference())
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body(notice))));
        String token = settings.platformApiTokens().get(notice.recipientKey());
        if (token != null && !token.isBlank()) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() / 100 != 2) {
            throw new DeliveryFailure(statusInWords(response));
        }
        if (response.body().length == 0) {
            return null;
        }
        JsonNode answer = json.readTree(response.body());
        return answer.hasNonNull("id") ? answer.get("id").asString() : null;
    }

    /** {@code HTTP 503 Service Unavailable}, with the start of the platform's own explanation when it sent text. */
    static String statusInWords(HttpResponse<byte[]> response) {
        HttpStatus status = HttpStatus.resolve(response.statusCode());
        String words = "HTTP " + response.statusCode() + (status == null ? "" : " " + status.getReasonPhrase());
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (response.body().length > 0 && (type.startsWith("text/") || type.contains("json"))) {
            String text = new String(response.body(), 0, Math.min(response.body().length, 300), StandardCharsets.UTF_8)
                    .replaceAll("\\s+", " ").strip();
            words += ": " + text;
        }
        return words;
    }

    static NoticeMessage body(OutgoingNotice notice) {
        return NoticeMessage.of(notice);
    }
}
