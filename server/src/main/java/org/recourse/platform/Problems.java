package org.recourse.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * RFC 9457 problem details in the caller's language, one way for every API: the title from
 * {@code platform.error.title.<status>}, the detail from the module's message key. Controllers
 * return {@link #detail}; security filters, which answer before any controller, {@link #write}.
 */
@Component
public class Problems {

    private final MessageSource messages;
    private final LocaleResolver locales;
    private final JsonMapper json;

    Problems(MessageSource messages, LocaleResolver locales, JsonMapper json) {
        this.messages = messages;
        this.locales = locales;
        this.json = json;
    }

    /** The problem for {@code status} with the message {@code key} in {@code locale}. */
    public ProblemDetail detail(HttpStatusCode status, String key, Object[] arguments, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
                messages.getMessage(key, arguments, messages.getMessage("platform.error.generic", null, locale), locale));
        problem.setTitle(messages.getMessage("platform.error.title." + status.value(), null,
                HttpStatus.valueOf(status.value()).getReasonPhrase(), locale));
        return problem;
    }

    /** The caller's language, as the pages and APIs resolve it. */
    public Locale locale(HttpServletRequest request) {
        return locales.resolveLocale(request);
    }

    /** Writes the problem as the whole response, with {@code extra} members after the standard ones. */
    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String key,
                      Map<String, Object> extra) throws IOException {
        ProblemDetail detail = detail(status, key, new Object[0], locale(request));
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", detail.getTitle());
        problem.put("status", status.value());
        problem.put("detail", detail.getDetail());
        problem.put("instance", request.getRequestURI());
        problem.putAll(extra);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        json.writeValue(response.getOutputStream(), problem);
    }
}
