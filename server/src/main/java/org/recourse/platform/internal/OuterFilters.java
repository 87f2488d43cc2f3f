package org.recourse.platform.internal;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.recourse.platform.RequestArrival;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.ViewResolver;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * The filters every request passes first: its arrival time, and 503 for a database that is not
 * there; and one that is not registered at all.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class OuterFilters {

    /** Outside the session filter (which loads sessions from the database) and the security chain. */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    /** First of all: waiting limits count from here. */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> requestArrivalFilter() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                RequestArrival.record(request);
                chain.doFilter(request, response);
            }
        });
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns("/*");
        return registration;
    }

    @Bean
    FilterRegistrationBean<DatabaseUnavailableFilter> databaseUnavailableFilter(MessageSource messages, LocaleResolver locales,
                                                                                ThymeleafViewResolver views, JsonMapper json) {
        ViewResolver resolver = views;
        FilterRegistrationBean<DatabaseUnavailableFilter> registration =
                new FilterRegistrationBean<>(new DatabaseUnavailableFilter(messages, locales, resolver, json));
        registration.setOrder(ORDER);
        registration.addUrlPatterns("/*");
        return registration;
    }

    /**
     * Spring Boot registers a {@link ResourceUrlEncodingFilter} for every URL because the webjars
     * locator switches its resource chain on, but no resource here has a versioned URL for it to
     * rewrite ({@code /webjars/...} links are resolved when served). On every request, thousands of
     * look-ups a second among them, it would only wrap the response (decision 0025); a registration of
     * our own, switched off, keeps Boot's from being made.
     */
    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> noResourceUrlEncodingFilter() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> registration = new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
        registration.setEnabled(false);
        return registration;
    }
}
