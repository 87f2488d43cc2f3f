package org.recourse.platform.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.recourse.platform.DatabaseUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers 503 with Retry-After when the database fails outside a controller — loading the
 * session, checking an API key, saving the session as the response is written — where
 * {@link ErrorHandling} does not see it: the error page in the visitor's language for browsers,
 * RFC 9457 problem details for API clients. Runs before the session filter, so the page it shows
 * needs no database.
 */
final class DatabaseUnavailableFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);

    private final MessageSource messages;
    private final LocaleResolver locales;
    private final ViewResolver views;
    private final JsonMapper json;

    DatabaseUnavailableFilter(MessageSource messages, LocaleResolver locales, ViewResolver views, JsonMapper json) {
        this.messages = messages;
        this.locales = locales;
        this.views = views;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException e) {
            if (!DatabaseUnavailable.causedBy(e) || response.isCommitted()) {
                throw e;
            }
            log.debug("Database unavailable for {} {}: {}", request.getMethod(), request.getRequestURI(),
                    e.getClass().getSimpleName());
            answer(request, response);
        }
    }

    /** The security chain's headers went with the reset: the same strict ones for this page. */
    private static final String PAGE_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self'; "
            + "script-src 'self'; object-src 'none'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'";
    private static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

    private void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.reset();
        HttpStatus status = HttpStatus.SERVICE_UNAVAILABLE;
        response.setStatus(status.value());
        headers(request, response);
        Locale locale = locales.resolveLocale(request);
        String title = messages.getMessage("platform.error.title.503", null, locale);
        String detail = messages.getMessage("platform.error.503", null, locale);
        if (ErrorResponses.wantsJson(request)) {
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("type", "about:blank");
            problem.put("title", title);
            problem.put("status", status.value());
            problem.put("detail", detail);
            problem.put("instance", request.getRequestURI());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            json.writeValue(response.getOutputStream(), problem);
            return;
        }
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        try {
            request.setAttribute(DispatcherServlet.LOCALE_RESOLVER_ATTRIBUTE, locales);
            View page = views.resolveViewName("error", locale);
            if (page != null) {
                page.render(Map.of("status", status.value(), "message", detail), request, response);
                return;
            }
        } catch (Exception renderingFailed) {
            log.warn("Could not render the error page: {}", renderingFailed.getClass().getSimpleName());
            response.reset();
            response.setStatus(status.value());
            headers(request, response);
        }
        response.setContentType(MediaType.TEXT_PLAIN_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(title + "\n\n" + detail + "\n");
    }

    private static void headers(HttpServletRequest request, HttpServletResponse response) {
        response.setHeader("Retry-After", Integer.toString(DatabaseUnavailable.RETRY_AFTER_SECONDS));
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Content-Security-Policy", ErrorResponses.wantsJson(request) ? API_POLICY : PAGE_POLICY);
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
    }
}
