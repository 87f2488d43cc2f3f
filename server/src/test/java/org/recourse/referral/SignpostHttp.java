package org.recourse.referral;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.recourse.support.StaffHttp;

/** Posts the signpost's answers as a browser without JavaScript does: a form with repeated fields. */
final class SignpostHttp {

    private final StaffHttp http;

    SignpostHttp(int port) {
        this.http = new StaffHttp(port);
    }

    StaffHttp.Page open(String path) {
        return http.get(path);
    }

    /** Opens {@code path} for its form token, then posts the answers to it. */
    StaffHttp.Page answer(String path, List<Map.Entry<String, String>> answers) {
        http.get(path);
        return post(path, answers);
    }

    StaffHttp.Page post(String path, List<Map.Entry<String, String>> fields) {
        List<Map.Entry<String, String>> all = new ArrayList<>(fields);
        all.add(Map.entry("_csrf", http.csrfToken()));
        String body = all.stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(URI.create(http.baseUrl() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
