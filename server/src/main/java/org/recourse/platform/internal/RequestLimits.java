package org.recourse.platform.internal;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bad input stopped at the door, before anything reads it, with an answer a person or client can
 * act on (the error page in their language, or RFC 9457 problem details for the APIs):
 * <ul>
 *   <li>API bodies above {@code recourse.api.max-body} are refused with 413 — by their declared
 *       length at once, and a body without one as soon as it grows past the limit;</li>
 *   <li>form posts above the container's form limit get 413 with a page that says so, instead of
 *       arriving empty;</li>
 *   <li>form posts the container cannot parse (invalid UTF-8, too many fields) get 400;</li>
 *   <li>control characters such as NUL are removed from form fields (no text field may hold them)
 *       and the fields named ({@link org.recourse.platform.CleanedFields}), so a form can show
 *       what was changed instead of failing on the database.</li>
 * </ul>
 */
class RequestLimits extends OncePerRequestFilter {


    private final long apiMaxBody;
    private final long formMax;

    RequestLimits(DataSize apiMaxBody, DataSize formMax) {
        this.apiMaxBody = apiMaxBody.toBytes();
        this.formMax = formMax.toBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long length = request.getContentLengthLong();
        if (ApiRequests.isApi(request.getRequestURI())) {
            if (length > apiMaxBody) {
                refuse(request, response, HttpStatus.CONTENT_TOO_LARGE, "platform.error.413-body");
                return;
            }
            chain.doFilter(new LimitedBody(request, apiMaxBody), response);
            return;
        }
        if (!isFormPost(request)) {
            chain.doFilter(request, response);
            return;
        }
        if (length > formMax) {
            refuse(request, response, HttpStatus.CONTENT_TOO_LARGE, "platform.error.413-form");
            return;
        }
        Map<String, String[]> parameters;
        try {
            parameters = request.getParameterMap();
        } catch (IllegalStateException unparseable) {
            // Tomcat refuses to hand out the parameters of a form it could not parse.
            String why = String.valueOf(unparseable.getMessage());
            refuse(request, response, why.contains("size of the posted data") ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.BAD_REQUEST,
                    why.contains("size of the posted data") ? "platform.error.413-form"
                            : why.contains("maximum number of request parameters") ? "platform.error.too-many-fields"
                            : "platform.error.unreadable-form");
            return;
        }
        Set<String> cleaned = new LinkedHashSet<>();
        Map<String, String[]> clean = new LinkedHashMap<>();
        parameters.forEach((name, values) -> {
            String[] copy = values.clone();
            for (int i = 0; i < copy.length; i++) {
                if (ControlCharacters.present(copy[i])) {
                    copy[i] = ControlCharacters.removed(copy[i]);
                    cleaned.add(name);
                }
            }
            clean.put(name, copy);
        });
        if (cleaned.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        request.setAttribute(org.recourse.platform.CleanedFields.ATTRIBUTE, Set.copyOf(cleaned));
        chain.doFilter(new CleanedParameters(request, clean), response);
    }

    private static boolean isFormPost(HttpServletRequest request) {
        String type = request.getContentType();
        return "POST".equals(request.getMethod()) && type != null
                && type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    /** Hands the refusal to the error controller, which answers with a page or a problem. */
    private static void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String key)
            throws IOException {
        response.sendError(status.value(), key);
    }

    /** Thrown when a body without a declared length grows past the API limit. */
    static final class BodyTooLarge extends IOException {
        BodyTooLarge(long limit) {
            super("request body larger than " + limit + " bytes");
        }
    }

    static boolean bodyTooLarge(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof BodyTooLarge) {
                return true;
            }
        }
        return false;
    }

    private static final class LimitedBody extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream stream;

        LimitedBody(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream inner = super.getInputStream();
                stream = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = inner.read();
                        if (b >= 0) {
                            count(1);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int n = inner.read(buffer, offset, length);
                        if (n > 0) {
                            count(n);
                        }
                        return n;
                    }

                    private void count(int n) throws BodyTooLarge {
                        read += n;
                        if (read > limit) {
                            throw new BodyTooLarge(limit);
                        }
                    }

                    @Override
                    public boolean isFinished() {
                        return inner.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return inner.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        inner.setReadListener(listener);
                    }
                };
            }
            return stream;
        }
    }

    private static final class CleanedParameters extends HttpServletRequestWrapper {
        private final Map<String, String[]> parameters;

        CleanedParameters(HttpServletRequest request, Map<String, String[]> parameters) {
            super(request);
            this.parameters = Collections.unmodifiableMap(parameters);
        }

        @Override
        public String getParameter(String name) {
            String[] values = parameters.get(name);
            return values == null || values.length == 0 ? null : values[0];
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return parameters;
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(parameters.keySet());
        }

        @Override
        public String[] getParameterValues(String name) {
            String[] values = parameters.get(name);
            return values == null ? null : values.clone();
        }
    }
}
