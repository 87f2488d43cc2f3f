package org.recourse.platform.internal;

import java.util.Locale;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Failures reported outside the controllers — by the container (a form it cannot parse), the
 * security filters (a missing CSRF token) or {@link RequestLimits} — answered like every other
 * error: a page in the user's language, or problem details for API clients. Replaces Spring
 * Boot's default error controller, whose answer to a browser-less client is bare JSON.
 */
@Controller
class ErrorPages implements ErrorController {

    private final ErrorResponses responses;

    ErrorPages(ErrorResponses responses) {
        this.responses = responses;
    }

    @RequestMapping("/error")
    Object error(HttpServletRequest request, Locale locale) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = HttpStatus.resolve(code instanceof Integer i ? i : 500);
        if (status == null) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        return responses.respond(status, messageKey(request, status), request, locale, Map.of());
    }

    private static String messageKey(HttpServletRequest request, HttpStatus status) {
        // Filters that know why they refuse pass a message key: sendError(status, "platform.error....").
        if (request.getAttribute(RequestDispatcher.ERROR_MESSAGE) instanceof String key && key.startsWith("platform.error.")) {
            return key;
        }
        if (status == HttpStatus.BAD_REQUEST) {
            return "platform.error.unreadable-form";
        }
        return "platform.error." + status.value();
    }
}
