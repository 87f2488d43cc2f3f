package org.recourse.statistics.internal.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.recourse.platform.DisplayTime;
import org.recourse.statistics.internal.measures.Period;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Platform scorecards and the DSA art. 22(3) counts, unsuppressed, for coordinators and admins. */
@Controller
class ScorecardPages {

    private final ScorecardQueries queries;
    private final Clock clock;
    private final DisplayTime time;

    ScorecardPages(ScorecardQueries queries, Clock clock, DisplayTime time) {
        this.queries = queries;
        this.clock = clock;
        this.time = time;
    }

    @GetMapping("/staff/statistics/platforms")
    String platforms(@RequestParam(required = false) String period, Model model, Locale locale, HttpServletResponse response) {
        Optional<Period> chosen = chosen(period, model, response);
        chosen.ifPresent(p -> model.addAttribute("scorecard", queries.scorecard(p, locale)));
        return "statistics/platforms";
    }

    @GetMapping("/staff/statistics/dsa")
    String dsa(@RequestParam(required = false) String period, Model model, Locale locale, HttpServletResponse response) {
        Optional<Period> chosen = chosen(period, model, response);
        chosen.ifPresent(p -> model.addAttribute("counts", queries.dsaCounts(p, locale)));
        return "statistics/dsa";
    }

    private Optional<Period> chosen(String period, Model model, HttpServletResponse response) {
        Optional<Period> chosen = period == null || period.isBlank()
                ? Optional.of(Period.quarterOf(LocalDate.now(clock.withZone(time.zone()))))
                : Period.parse(period);
        model.addAttribute("periodText", chosen.map(Period::toString).orElse(period));
        if (chosen.isEmpty()) {
            response.setStatus(400);
            model.addAttribute("periodError", true);
        }
        return chosen;
    }
}
