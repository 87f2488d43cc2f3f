package org.recourse.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The language cookie follows the session cookie's Secure setting (the HTTP test server runs without it). */
class LanguageCookieTest {

    @Test
    void withSecureCookiesTheLanguageCookieIsSecureToo() {
        LocaleConfiguration.ChosenLanguage resolver = new LocaleConfiguration.ChosenLanguage(true);
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
        MockHttpServletResponse response = new MockHttpServletResponse();

        resolver.setLocale(request, response, Locale.ENGLISH);

        assertThat(response.getHeader("Set-Cookie")).startsWith("recourse-lang=en;")
                .contains("Secure", "HttpOnly", "SameSite=Lax").doesNotContain("Max-Age", "Expires");
        assertThat(resolver.resolveLocale(request)).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void removingAChoiceIsSecureToo() {
        LocaleConfiguration.ChosenLanguage resolver = new LocaleConfiguration.ChosenLanguage(true);
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
        request.setCookies(new Cookie("recourse-lang", "en"));
        MockHttpServletResponse response = new MockHttpServletResponse();

        resolver.setLocale(request, response, Locale.forLanguageTag("nl"));

        assertThat(response.getHeader("Set-Cookie")).startsWith("recourse-lang=;").contains("Max-Age=0", "Secure");
        assertThat(resolver.resolveLocale(request)).isEqualTo(Locale.forLanguageTag("nl"));
    }
}
