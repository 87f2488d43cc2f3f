package org.recourse.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.recourse.RecourseTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A client's {@code Host} header never decides where the hotline's addresses point: redirects
 * stay relative and absolute URLs come from the configured public base URL.
 */
@RecourseTest
class HostHeaderTest {

    @LocalServerPort
    int port;

    @Autowired
    PublicUrls urls;

    @Test
    void aRedirectDoesNotGoToTheHostTheClientNamed() throws Exception {
        String answer = raw("GET /staff HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 302");
        assertThat(header(answer, "Location")).isEqualTo("/login");
        assertThat(answer.toLowerCase(Locale.ROOT)).doesNotContain("evil.example");
    }

    @Test
    void aStatusUrlInAnApiAnswerComesFromThePublicBaseUrl() throws Exception {
        String body = "{\"reporterType\": \"professional\", \"forms\": [\"doxing\"], \"items\": [{\"url\": \"https://h.example/x\"}]}";
        String answer = raw("POST /api/v1/reports HTTP/1.1\r\nHost: evil.example\r\nX-Forwarded-Host: evil.example\r\n"
                + "Content-Type: application/json\r\nAuthorization: Bearer rk_unknown\r\nContent-Length: "
                + body.getBytes(StandardCharsets.UTF_8).length + "\r\nConnection: close\r\n\r\n" + body);

        assertThat(answer).startsWith("HTTP/1.1 401");
        assertThat(answer.toLowerCase(Locale.ROOT)).doesNotContain("evil.example");
        assertThat(urls.absolute("/api/v1/reports/{n}", "RC-AAAA-BBBB").toString())
                .isEqualTo("http://localhost:" + port + "/api/v1/reports/RC-AAAA-BBBB");
    }

    private String raw(String request) throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    private static String header(String answer, String name) {
        return answer.lines().filter(l -> l.regionMatches(true, 0, name + ":", 0, name.length() + 1))
                .map(l -> l.substring(name.length() + 1).strip()).findFirst().orElse(null);
    }
}
