package org.recourse.intake;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.recourse.support.StaffHttp;

/** Form posts with repeated fields (checkboxes) and multipart uploads, with the CSRF token. */
public final class Forms {

    private final List<String[]> fields = new ArrayList<>();

    public static Forms with(String name, String value) {
        return new Forms().and(name, value);
    }

    public Forms and(String name, String value) {
        fields.add(new String[] {name, value});
        return this;
    }

    /** Posts the form; a 303 answer (post/redirect/get) is followed, as a browser does. */
    public StaffHttp.Page post(StaffHttp http, String path) {
        StaffHttp.Page answer = postOnly(http, path);
        return answer.status() == 303 ? http.get(answer.location()) : answer;
    }

    /** Posts the form and returns the direct answer, without following a redirect. */
    public StaffHttp.Page postOnly(StaffHttp http, String path) {
        List<String[]> all = new ArrayList<>(fields);
        all.add(new String[] {"_csrf", http.csrfToken()});
        String body = all.stream()
                .map(f -> URLEncoder.encode(f[0], StandardCharsets.UTF_8) + "=" + URLEncoder.encode(f[1], StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(URI.create(http.baseUrl() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Uploads one file in field {@code field} as multipart/form-data. */
    public static StaffHttp.Page upload(StaffHttp http, String path, String field, String fileName, byte[] content) {
        String boundary = "----recourse" + UUID.randomUUID();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + http.csrfToken() + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n";
        byte[] start = head.getBytes(StandardCharsets.UTF_8);
        byte[] end = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[start.length + content.length + end.length];
        System.arraycopy(start, 0, body, 0, start.length);
        System.arraycopy(content, 0, body, start.length, content.length);
        System.arraycopy(end, 0, body, start.length + content.length, end.length);
        return http.send(HttpRequest.newBuilder(URI.create(http.baseUrl() + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }
}
