package org.recourse.accounts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.web.csrf.CsrfToken;

/** Where a form's CSRF token is kept: the session when there is one, otherwise a browser-session cookie. */
class PublicFormTokensTest {

    @Test
    void withoutASessionTheTokenGoesToASecureHostOnlyCookieThatEndsWithTheBrowser() {
        PublicFormTokens tokens = new PublicFormTokens(true);
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/status");
        MockHttpServletResponse response = new MockHttpServletResponse();

        CsrfToken token = tokens.generateToken(request);
        tokens.saveToken(token, request, response);

        assertThat(request.getSession(false)).as("no session started").isNull();
        Cookie cookie = response.getCookie("__Host-recourse-form");
        assertThat(cookie.getValue()).isEqualTo(token.getToken());
        assertThat(cookie.getSecure()).isTrue();
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.getAttribute("SameSite")).isEqualTo("Strict");
        assertThat(cookie.getPath()).isEqualTo("/");
        assertThat(cookie.getDomain()).as("host-only").isNull();
        assertThat(cookie.getMaxAge()).as("ends with the browser session").isEqualTo(-1);

        MockHttpServletRequest post = new MockHttpServletRequest("POST", "/status");
        post.setCookies(new Cookie("__Host-recourse-form", token.getToken()));
        assertThat(tokens.loadToken(post).getToken()).isEqualTo(token.getToken());
        assertThat(tokens.loadToken(post).getParameterName()).isEqualTo("_csrf");
    }

    @Test
    void withASessionTheTokenStaysInItAndNoCookieIsSet() {
        PublicFormTokens tokens = new PublicFormTokens(false);
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/staff");
        request.getSession(true);
        MockHttpServletResponse response = new MockHttpServletResponse();

        CsrfToken token = tokens.generateToken(request);
        tokens.saveToken(token, request, response);

        assertThat(response.getHeader("Set-Cookie")).isNull();
        assertThat(tokens.loadToken(request).getToken()).isEqualTo(token.getToken());
        request.setCookies(new Cookie("recourse-form", "a token from a cookie"));
        assertThat(tokens.loadToken(request).getToken()).as("the session's token, not the cookie's").isEqualTo(token.getToken());
    }

    @Test
    void aCookieTokenCountsUntilTheNewSessionHasOneOfItsOwnAndClearingRemovesBoth() {
        PublicFormTokens tokens = new PublicFormTokens(false);
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/status/case/information");
        request.setCookies(new Cookie("recourse-form", "issued-before-sign-in"));
        assertThat(tokens.loadToken(request).getToken()).isEqualTo("issued-before-sign-in");

        request.getSession(true);
        assertThat(tokens.loadToken(request).getToken()).as("a form sent twice as the session starts")
                .isEqualTo("issued-before-sign-in");
        CsrfToken own = tokens.generateToken(request);
        tokens.saveToken(own, request, new MockHttpServletResponse());
        assertThat(tokens.loadToken(request).getToken()).as("then only the session's").isEqualTo(own.getToken());

        MockHttpServletResponse response = new MockHttpServletResponse();
        tokens.saveToken(null, request, response);
        assertThat(response.getCookie("recourse-form").getMaxAge()).as("the cookie is expired").isZero();
        assertThat(request.getSession().getAttributeNames().hasMoreElements()).as("the session's is gone").isFalse();
    }
}
