package org.recourse.accounts.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.web.util.WebUtils;

/**
 * Where CSRF tokens are kept. A visitor with a server session (signed-in staff, a reporter on her
 * status page) keeps them in that session, as before. A visitor without one — on the report form,
 * the status sign-in, the staff sign-in — keeps them in a browser-session cookie that is
 * {@code HttpOnly}, {@code SameSite=Strict} and {@code Secure} when cookies are (then named with
 * the {@code __Host-} prefix, so no other host of the domain can set it). Showing any page
 * therefore writes nothing on the server, and a session starts only when a sent form needs one
 * (the report's confirmation, a sign-in). Until the session has a token of its own — the next
 * page with a form issues one — the cookie's still counts, so a report sent twice reaches the
 * same confirmation; from then on only the session's does. A staff sign-in clears the cookie's.
 */
final class PublicFormTokens implements CsrfTokenRepository {

    private final HttpSessionCsrfTokenRepository sessions = new HttpSessionCsrfTokenRepository();
    private final CookieCsrfTokenRepository visitors = new CookieCsrfTokenRepository();
    private final String cookieName;

    /** Without a max age of its own the cookie ends with the browser session (and a cleared one is expired). */
    PublicFormTokens(boolean secureCookies) {
        cookieName = secureCookies ? "__Host-recourse-form" : "recourse-form";
        visitors.setCookieName(cookieName);
        visitors.setParameterName("_csrf");
        visitors.setHeaderName("X-CSRF-TOKEN");
        visitors.setCookieCustomizer(cookie -> cookie.httpOnly(true).secure(secureCookies).sameSite("Strict").path("/"));
    }

    @Override
    public CsrfToken generateToken(HttpServletRequest request) {
        return sessions.generateToken(request);
    }

    @Override
    public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
        boolean hasSession = request.getSession(false) != null;
        if (token != null) {
            (hasSession ? sessions : visitors).saveToken(token, request, response);
            return;
        }
        if (hasSession) {
            sessions.saveToken(null, request, response);
        }
        if (WebUtils.getCookie(request, cookieName) != null) {
            visitors.saveToken(null, request, response);
        }
    }

    @Override
    public CsrfToken loadToken(HttpServletRequest request) {
        CsrfToken inSession = request.getSession(false) == null ? null : sessions.loadToken(request);
        return inSession != null ? inSession : visitors.loadToken(request);
    }
}
