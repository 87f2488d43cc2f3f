package org.recourse.matching.internal.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.recourse.intake.PartnerKeyChain;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every refusal of the match API as RFC 9457 problem details in the caller's language, with a
 * {@code code} member naming the kind: from the controllers ({@link MatchProblem}) and from the
 * security chain (no key, wrong scope, over the rate limit).
 */
@RestControllerAdvice(basePackageClasses = MatchProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class MatchProblems implements PartnerKeyChain.Refusals {

    private final MessageSource messages;
    private final LocaleResolver locales;
    private final JsonMapper json;

    MatchProblems(MessageSource messages, LocaleResolver locales, JsonMapper json) {
        this.messages = messages;
        this.locales = locales;
        this.json = json;
    }

    @ExceptionHandler(MatchProblem.class)
    ResponseEntity<ProblemDetail> problem(MatchProblem problem, HttpServletRequest request) {
        Locale locale = locales.resolveLocale(request);
        ProblemDetail body = body(problem.kind().status(), "matching.api." + problem.kind().code(), problem.arguments(), locale);
        body.setProperty("code", problem.kind().code());
        if (!problem.errors().isEmpty()) {
            body.setProperty("errors", problem.errors());
        }
        ResponseEntity.BodyBuilder response = ResponseEntity.status(problem.kind().status())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (problem.kind() == MatchProblem.Kind.INDEX_NOT_READY) {
            response.header("Retry-After", "5");
        }
        return response.body(body);
    }

    @Override
    public void unauthenticated(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer realm=\"recourse\"");
        write(request, response, HttpStatus.UNAUTHORIZED, "unauthenticated");
    }

    @Override
    public void forbidden(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e) throws IOException {
        write(request, response, HttpStatus.FORBIDDEN, "forbidden");
    }

    @Override
    public void tooManyRequests(HttpServletRequest request, HttpServletResponse response, long retryAfterSeconds)
            throws IOException {
        response.setHeader("Retry-After", Long.toString(Math.max(1, retryAfterSeconds)));
        write(request, response, HttpStatus.TOO_MANY_REQUESTS, "rate_limited");
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code)
            throws IOException {
        ProblemDetail body = body(status, "matching.api." + code, new Object[0], locales.resolveLocale(request));
        body.setInstance(java.net.URI.create(request.getRequestURI()));
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", body.getTitle());
        problem.put("status", status.value());
        problem.put("detail", body.getDetail());
        problem.put("instance", request.getRequestURI());
        problem.put("code", code);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        json.writeValue(response.getOutputStream(), problem);
    }

    private ProblemDetail body(HttpStatus status, String key, Object[] arguments, Locale locale) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, messages.getMessage(key, arguments, locale));
        body.setTitle(messages.getMessage("platform.error.title." + status.value(), null, status.getReasonPhrase(), locale));
        return body;
    }

    static Map<String, Object> error(int position, MatchProblem.Kind kind) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("index", position);
        error.put("code", kind.code());
        return error;
    }

}
