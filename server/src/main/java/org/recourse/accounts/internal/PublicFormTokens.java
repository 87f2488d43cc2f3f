package org.recourse.accounts.internal;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;

/**
 * Where CSRF tokens are kept. Staff areas keep them in the server session, as before. Public pages
 * (the report form, the status sign-in, the signpost) keep them in a browser-session cookie that
 * is {@code HttpOnly}, {@code SameSite=Strict} and {@code Secure} when cookies are: showing a
 * public form then writes nothing on the server, so anonymous page views cannot fill the session
 * table, and a server session starts only when a form is sent that needs one (the report's
 * confirmation, a status-page sign-in).
 */
final class PublicFormTokens implements CsrfTokenRepository {

    private static final List<String> STAFF_AREAS = List.of("/staff", "/login", "/account", "/liaison", "/logout");

    private final HttpSessionCsrfTokenRepository staff = new HttpSessionCsrfTokenRepository();
    private final CookieCsrfTokenRepository visitors;

    PublicFormTokens(boolean secureCookies) {
        visitors = new CookieCsrfTokenRepository();
        visitors.setCookieName("recourse-form");
        visitors.setParameterName("_csrf");
        visitors.setCookieCustomizer(cookie -> cookie.httpOnly(true).secure(secureCookies).sameSite("Strict").path("/").maxAge(-1));
    }

    private CsrfTokenRepository forRequest(HttpServletRequest request) {
        String path = request.getRequestURI();
        return STAFF_AREAS.stream().anyMatch(path::startsWith) ? staff : visitors;
    }

    @Override
    public CsrfToken generateToken(HttpServletRequest request) {
        return forRequest(request).generateToken(request);
    }

    @Override
    public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
        forRequest(request).saveToken(token, request, response);
    }

    @Override
    public CsrfToken loadToken(HttpServletRequest request) {
        return forRequest(request).loadToken(request);
    }
}
