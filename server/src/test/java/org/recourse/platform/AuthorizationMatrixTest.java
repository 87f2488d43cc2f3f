package org.recourse.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.recourse.RecourseTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Enumerates every HTTP route the application serves and checks anonymous visitors and each
 * role against the expected table in {@code authz/*.tsv}. A route without a line fails, so a
 * new route cannot ship without someone deciding who may call it. A server error on any route
 * fails too: every page must cope with an unknown identifier.
 */
@RecourseTest
@AutoConfigureMockMvc
class AuthorizationMatrixTest {

    private static final List<String> ROLES = List.of("ADMIN", "COORDINATOR", "ANALYST", "LIAISON", "AUDITOR");

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    record Route(String method, String path) implements Comparable<Route> {
        @Override
        public int compareTo(Route o) {
            return (path + " " + method).compareTo(o.path + " " + o.method);
        }
    }

    @Test
    void everyRouteHasAnExpectedAuthorisationAndMeetsIt() throws Exception {
        Map<Route, List<String>> expected = expectedTable();
        TreeSet<Route> routes = applicationRoutes();
        List<String> failures = new ArrayList<>();
        for (Route route : routes) {
            List<String> row = expected.get(route);
            if (row == null) {
                failures.add("no line in authz/*.tsv for " + route.method() + " " + route.path());
                continue;
            }
            check(route, "ANONYMOUS", row.get(0), failures);
            for (int i = 0; i < ROLES.size(); i++) {
                check(route, ROLES.get(i), row.get(i + 1), failures);
            }
        }
        for (Route listed : expected.keySet()) {
            if (!routes.contains(listed)) {
                failures.add("authz/*.tsv lists a route the application does not serve: " + listed.method() + " " + listed.path());
            }
        }
        assertThat(failures).as("authorisation matrix").isEmpty();
        assertThat(routes).as("the matrix must see the application's routes").hasSizeGreaterThan(10);
    }

    private void check(Route route, String who, String expected, List<String> failures) throws Exception {
        String actual = outcome(route, who);
        if (!actual.equals(expected)) {
            failures.add(route.method() + " " + route.path() + " as " + who + ": expected " + expected + " but was " + actual);
        }
    }

    private String outcome(Route route, String who) throws Exception {
        HttpMethod method = route.method().equals("ANY") ? HttpMethod.GET : HttpMethod.valueOf(route.method());
        MockHttpServletRequestBuilder request = request(method, samplePath(route.path())).with(csrf());
        if (!who.equals("ANONYMOUS")) {
            request = request.with(user("matrix-" + who.toLowerCase()).roles(who));
        }
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        int status = response.getStatus();
        String location = response.getHeader("Location");
        if (status == 401 || (status == 302 && location != null && location.endsWith("/login"))) {
            return "login";
        }
        if (status == 403) {
            return "deny";
        }
        if (status >= 500 && !route.path().equals("/error")) {
            return "error " + status;
        }
        return "allow";
    }

    /** Fills path variables with well-formed values that name nothing. */
    static String samplePath(String pattern) {
        return pattern
                .replaceAll("\\{[^}]*[iI]d}", "00000000-0000-0000-0000-000000000000")
                .replaceAll("\\{\\*[^}]*}", "sample")
                .replaceAll("\\{[^}]*}", "sample")
                .replace("/**", "/sample");
    }

    private TreeSet<Route> applicationRoutes() {
        TreeSet<Route> routes = new TreeSet<>();
        for (RequestMappingInfoHandlerMapping mapping : context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                var methods = info.getMethodsCondition().getMethods();
                for (String pattern : info.getPatternValues()) {
                    if (methods.isEmpty()) {
                        routes.add(new Route("ANY", pattern));
                    } else {
                        methods.forEach(m -> routes.add(new Route(m.name(), pattern)));
                    }
                }
            }
        }
        return routes;
    }

    private static Map<Route, List<String>> expectedTable() throws IOException {
        Map<Route, List<String>> table = new LinkedHashMap<>();
        Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:authz/*.tsv");
        for (Resource file : files) {
            String text = file.getContentAsString(StandardCharsets.UTF_8);
            for (String line : text.split("\n")) {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                String[] cells = trimmed.split("\\s+");
                if (cells.length != 8) {
                    throw new UncheckedIOException(new IOException(file.getFilename() + ": expected 8 columns in: " + line));
                }
                Route route = new Route(cells[0], cells[1]);
                if (table.put(route, List.of(cells).subList(2, 8)) != null) {
                    throw new IllegalStateException(file.getFilename() + ": route listed twice: " + route);
                }
            }
        }
        return table;
    }
}
