package org.recourse.platform.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.recourse.platform.DatabaseUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every failure into something a person can read in their own language: an error page for
 * browsers, RFC 9457 problem details for API clients. Never a stack trace; unexpected errors get
 * a reference the user can quote, and only that reference and the exception go to the log.
 */
@ControllerAdvice
@Order(0)
class ErrorHandling {

    private static final Logger log = LoggerFactory.getLogger(ErrorHandling.class);
    private final MessageSource messages;
    private final ErrorResponses responses;

    ErrorHandling(MessageSource messages, ErrorResponses responses) {
        this.messages = messages;
        this.responses = responses;
    }

    @ExceptionHandler({AccessDeniedException.class, AuthenticationException.class})
    void leaveToSecurity(RuntimeException e) {
        throw e;
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    Object invalidBody(MethodArgumentNotValidException e, HttpServletRequest request, Locale locale) {
        return invalidFields(e.getBindingResult().getFieldErrors(), request, locale);
    }

    @ExceptionHandler(BindException.class)
    Object invalidForm(BindException e, HttpServletRequest request, Locale locale) {
        return invalidFields(e.getBindingResult().getFieldErrors(), request, locale);
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class,
            ServletRequestBindingException.class, HandlerMethodValidationException.class,
            MultipartException.class})
    Object badRequest(Exception e, HttpServletRequest request, Locale locale) {
        if (RequestLimits.bodyTooLarge(e)) {
            return respond(HttpStatus.CONTENT_TOO_LARGE, "platform.error.413-body", request, locale, Map.of());
        }
        var nul = ControlCharacters.inJson(e);
        if (nul.isPresent()) {
            return responses.respond(HttpStatus.BAD_REQUEST, "platform.error.control-character-json", request, locale,
                    Map.of("field", nul.get()), nul.get());
        }
        String key = e instanceof HttpMessageNotReadableException ? "platform.error.unreadable" : "platform.error.400";
        return respond(HttpStatus.BAD_REQUEST, key, request, locale, Map.of());
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    Object tooLarge(Exception e, HttpServletRequest request, Locale locale) {
        return respond(HttpStatus.CONTENT_TOO_LARGE, "platform.error.413", request, locale, Map.of());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    Object wrongMethod(Exception e, HttpServletRequest request, Locale locale) {
        return respond(HttpStatus.METHOD_NOT_ALLOWED, "platform.error.405", request, locale, Map.of());
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<Void> notAcceptable() {
        return ResponseEntity.status(HttpStatus.NOT_ACCEPTABLE).build();
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    Object wrongMediaType(Exception e, HttpServletRequest request, Locale locale) {
        return respond(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "platform.error.415", request, locale, Map.of());
    }

    @ExceptionHandler(NoResourceFoundException.class)
    Object notFound(Exception e, HttpServletRequest request, Locale locale) {
        return respond(HttpStatus.NOT_FOUND, "platform.error.404", request, locale, Map.of());
    }

    @ExceptionHandler(ResponseStatusException.class)
    Object withStatus(ResponseStatusException e, HttpServletRequest request, Locale locale) {
        HttpStatusCode status = e.getStatusCode();
        return respond(status, "platform.error." + status.value(), request, locale, Map.of());
    }

    @ExceptionHandler(Exception.class)
    Object unexpected(Exception e, HttpServletRequest request, HttpServletResponse response, Locale locale) {
        if (DatabaseUnavailable.causedBy(e)) {
            return databaseUnavailable(e, request, response, locale);
        }
        String reference = UUID.randomUUID().toString().substring(0, 8);
        log.error("Unexpected error, reference {}", reference, e);
        return respond(HttpStatus.INTERNAL_SERVER_ERROR, "platform.error.500", request, locale,
                Map.of("reference", reference));
    }

    /**
     * The database is down, restarting or out of connections: nothing of this request was
     * confirmed, and trying again shortly will work, so 503 with Retry-After rather than 500.
     */
    Object databaseUnavailable(Exception e, HttpServletRequest request, HttpServletResponse response, Locale locale) {
        log.debug("Database unavailable for {} {}: {}", request.getMethod(), request.getRequestURI(), e.getClass().getSimpleName());
        response.setHeader("Retry-After", Integer.toString(DatabaseUnavailable.RETRY_AFTER_SECONDS));
        return respond(HttpStatus.SERVICE_UNAVAILABLE, "platform.error.503", request, locale, Map.of());
    }

    private Object invalidFields(List<FieldError> errors, HttpServletRequest request, Locale locale) {
        List<Map<String, String>> fields = errors.stream()
                .map(error -> Map.of("field", error.getField(),
                        "message", messages.getMessage(error, locale)))
                .toList();
        return respond(HttpStatus.BAD_REQUEST, "platform.error.invalid", request, locale, Map.of("errors", fields));
    }

    private Object respond(HttpStatusCode status, String key, HttpServletRequest request, Locale locale,
                           Map<String, Object> extra) {
        return responses.respond(status, key, request, locale, extra);
    }
}
