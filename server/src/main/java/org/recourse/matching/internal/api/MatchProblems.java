package org.recourse.matching.internal.api;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.recourse.intake.PartnerKeyChain;
import org.recourse.platform.Problems;
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

/**
 * Every refusal of the match API as RFC 9457 problem details in the caller's language, with a
 * {@code code} member naming the kind: from the controllers ({@link MatchProblem}) and from the
 * security chain (no key, wrong scope, over the rate limit).
 */
@RestControllerAdvice(basePackageClasses = MatchProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class MatchProblems implements PartnerKeyChain.Refusals {

    private final Problems problems;

    MatchProblems(Problems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(MatchProblem.class)
    ResponseEntity<ProblemDetail> problem(MatchProblem problem, HttpServletRequest request) {
        ProblemDetail body = problems.detail(problem.kind().status(), "matching.api." + problem.kind().code(),
                problem.arguments(), problems.locale(request));
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
        problems.write(request, response, status, "matching.api." + code, Map.of("code", code));
    }

    static Map<String, Object> error(int position, MatchProblem.Kind kind) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("index", position);
        error.put("code", kind.code());
        return error;
    }

}
