package org.recourse.platform.internal;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Dutch first. A choice made with the language switch ({@code ?lang=en}) is kept in a cookie that
 * lives only as long as the browser session (no dated trace of the visit on a victim's device),
 * {@code Secure} whenever cookies are; without one, a browser that asks for English gets English,
 * everyone else Dutch.
 */
@Configuration(proxyBeanMethods = false)
class LocaleConfiguration implements WebMvcConfigurer {

    static final List<Locale> SUPPORTED = List.of(MessagesConfiguration.DUTCH, Locale.ENGLISH);

    @Bean
    LocaleResolver localeResolver(@org.springframework.beans.factory.annotation.Value("${server.servlet.session.cookie.secure:false}")
                                  boolean secureCookies) {
        CookieLocaleResolver resolver = new CookieLocaleResolver("recourse-lang");
        resolver.setCookieMaxAge(Duration.ofSeconds(-1));
        resolver.setCookieSameSite("Lax");
        resolver.setCookieSecure(secureCookies);
        resolver.setCookieHttpOnly(true);
        resolver.setDefaultLocaleFunction(request -> {
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
        });
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor() {
            @Override
            public boolean preHandle(jakarta.servlet.http.HttpServletRequest request,
                                     jakarta.servlet.http.HttpServletResponse response, Object handler)
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
