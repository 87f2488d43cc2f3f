package org.recourse.platform.internal;

import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * One way to answer a failure: RFC 9457 problem details for API clients, the error page in the
 * user's language for everyone else. Used by the controller advice (failures inside a handler)
 * and by the error controller (failures the container or the security filters report).
 */
@Component
class ErrorResponses {

    private final MessageSource messages;

    ErrorResponses(MessageSource messages) {
        this.messages = messages;
    }

    Object respond(HttpStatusCode status, String key, HttpServletRequest request, Locale locale, Map<String, Object> extra,
                   Object... arguments) {
        String message = messages.getMessage(key, arguments,
                messages.getMessage("platform.error.generic", null, locale), locale);
        if (wantsJson(request)) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, message);
            problem.setTitle(messages.getMessage("platform.error.title." + status.value(), null,
                    HttpStatus.valueOf(status.value()).getReasonPhrase(), locale));
            extra.forEach(problem::setProperty);
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        ModelAndView view = new ModelAndView("error");
        view.setStatus(status);
        view.addObject("status", status.value());
        view.addObject("message", message);
        extra.forEach(view::addObject);
        return view;
    }

    static boolean wantsJson(HttpServletRequest request) {
        String uri = (String) request.getAttribute("jakarta.servlet.error.request_uri");
        if (ApiRequests.isApi(uri != null ? uri : request.getRequestURI())) {
            return true;
        }
        String accept = request.getHeader("Accept");
        String contentType = request.getContentType();
        return (accept != null && (accept.contains("application/json") || accept.contains("application/problem+json"))
                && !accept.contains("text/html"))
                || (contentType != null && contentType.contains("json"));
    }
}
