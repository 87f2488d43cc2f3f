package org.recourse.escalation.internal.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import org.recourse.escalation.internal.requests.AuthorityOverview;
import org.recourse.escalation.internal.requests.RequestRefused;
import org.recourse.platform.DisplayTime;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The overview per authority for a period (by default the last 90 days), as a page, CSV and PDF. */
@Controller
@RequestMapping("/staff/escalation/overview")
class OverviewPages {

    private final AuthorityOverview overview;
    private final DisplayTime times;
    private final Clock clock;

    OverviewPages(AuthorityOverview overview, DisplayTime times, Clock clock) {
        this.overview = overview;
        this.times = times;
        this.clock = clock;
    }

    @GetMapping
    String page(@RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "") String to, Model model) {
        LocalDate today = LocalDate.now(clock.withZone(times.zone()));
        LocalDate start = date(from, today.minusDays(89));
        LocalDate end = date(to, today);
        model.addAttribute("from", start == null ? from : start.toString());
        model.addAttribute("to", end == null ? to : end.toString());
        try {
            model.addAttribute("overview", overview.between(start, end));
        } catch (RequestRefused refused) {
            model.addAttribute("periodError", refused.messageKey());
        }
        return "escalation/overview";
    }

    @GetMapping(params = "format=csv")
    ResponseEntity<byte[]> csv(@RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "") String to, Locale locale) {
        try {
            AuthorityOverview.Overview shown = overview.between(date(from, null), date(to, null));
            return download(overview.csv(shown, locale).getBytes(StandardCharsets.UTF_8), "text/csv;charset=UTF-8", shown, "csv");
        } catch (RequestRefused refused) {
            return backToThePage(from, to);
        }
    }

    @GetMapping(params = "format=pdf")
    ResponseEntity<byte[]> pdf(@RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "") String to, Locale locale)
            throws IOException {
        try {
            AuthorityOverview.Overview shown = overview.between(date(from, null), date(to, null));
            return download(overview.pdf(shown, locale), MediaType.APPLICATION_PDF_VALUE, shown, "pdf");
        } catch (RequestRefused refused) {
            return backToThePage(from, to);
        }
    }

    /** A period that cannot be exported goes back to the page, which says why. */
    private static ResponseEntity<byte[]> backToThePage(String from, String to) {
        return ResponseEntity.status(303).header(HttpHeaders.LOCATION, org.springframework.web.util.UriComponentsBuilder
                .fromPath("/staff/escalation/overview").queryParam("from", from).queryParam("to", to).encode().build().toUriString()).build();
    }

    private static ResponseEntity<byte[]> download(byte[] body, String type, AuthorityOverview.Overview shown, String extension) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(type))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("escalation-overview-" + shown.from() + "-" + shown.to() + "." + extension).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(body);
    }

    /** A date as typed (yyyy-mm-dd), the fallback when blank, null when it is no date. */
    private static LocalDate date(String typed, LocalDate fallback) {
        if (typed == null || typed.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(typed.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
