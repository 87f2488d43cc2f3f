package org.recourse.platform.internal;

/** Which requests are API calls: the partner API under {@code /api/} and the match API under {@code /m/}. */
final class ApiRequests {

    private ApiRequests() {
    }

    static boolean isApi(String uri) {
        return uri.startsWith("/api/") || uri.startsWith("/m/");
    }
}
