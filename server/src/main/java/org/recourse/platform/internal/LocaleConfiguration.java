package org.recourse.platform.internal;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.util.WebUtils;

/**
 * Dutch first. Without a choice, a browser that asks for English gets English, everyone else
 * Dutch. A choice made with the language switch ({@code ?lang=en}) or by opening the English form
 * is kept in a cookie only when it differs from that default, and then as a session cookie
 * (gone when the browser closes, Secure when the session cookie is): the device of someone who
 * reported keeps as little trace of the visit as possible.
 */
@Configuration(proxyBeanMethods = false)
class LocaleConfiguration implements WebMvcConfigurer {

    static final List<Locale> SUPPORTED = List.of(MessagesConfiguration.DUTCH, Locale.ENGLISH);
    static final String COOKIE = "recourse-lang";

    @Bean
    LocaleResolver localeResolver(@Value("${server.servlet.session.cookie.secure:false}") boolean secureCookies) {
        return new ChosenLanguage(secureCookies);
    }

    /** The language a request gets when no choice was made: from Accept-Language, else Dutch. */
    static Locale defaultLanguage(HttpServletRequest request) {
        String header = request.getHeader("Accept-Language");
        if (header == null || header.isBlank()) {
            return MessagesConfiguration.DUTCH;
        }
        try {
            Locale best = Locale.lookup(Locale.LanguageRange.parse(header), SUPPORTED);
            return best != null ? best : MessagesConfiguration.DUTCH;
        } catch (IllegalArgumentException malformed) {
            return MessagesConfiguration.DUTCH;
        }
    }

    /** A cookie only for a choice that differs from the default; removed when it no longer does. */
    static final class ChosenLanguage extends CookieLocaleResolver {

        private final boolean secureCookies;

        ChosenLanguage(boolean secureCookies) {
            super(COOKIE);
            this.secureCookies = secureCookies;
            setCookieSecure(secureCookies);
            setCookieHttpOnly(true);
            setCookieSameSite("Lax");
            setDefaultLocaleFunction(LocaleConfiguration::defaultLanguage);
        }

        @Override
        public void setLocaleContext(HttpServletRequest request, HttpServletResponse response, LocaleContext context) {
            Locale chosen = context == null ? null : context.getLocale();
            if (chosen != null && chosen.equals(defaultLanguage(request))) {
                if (WebUtils.getCookie(request, COOKIE) != null) {
                    response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(COOKIE, "").path("/")
                            .maxAge(0).secure(secureCookies).httpOnly(true).sameSite("Lax").build().toString());
                }
                request.setAttribute(LOCALE_REQUEST_ATTRIBUTE_NAME, chosen);
                return;
            }
            super.setLocaleContext(request, response, context);
        }
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
                    throws jakarta.servlet.ServletException {
                try {
                    return super.preHandle(request, response, handler);
                } catch (IllegalStateException unparseable) {
                    // The container refuses to read the parameters of a request it could not parse
                    // (while its error page is shown): no language choice in it, keep the current one.
                    return true;
                }
            }
        };
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change);
    }
}
