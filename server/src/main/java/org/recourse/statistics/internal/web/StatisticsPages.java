package org.recourse.statistics.internal.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

import org.recourse.platform.DisplayTime;
import org.recourse.statistics.internal.measures.Period;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The staff statistics page: unsuppressed figures for one whole month, quarter or year. */
@Controller
class StatisticsPages {

    private final StatisticsQueries queries;
    private final Clock clock;
    private final DisplayTime time;

    StatisticsPages(StatisticsQueries queries, Clock clock, DisplayTime time) {
        this.queries = queries;
        this.clock = clock;
        this.time = time;
    }

    @GetMapping("/staff/statistics")
    String overview(@RequestParam(required = false) String period, Model model, Locale locale,
                    jakarta.servlet.http.HttpServletResponse response) {
        Optional<Period> chosen = period == null || period.isBlank()
                ? Optional.of(Period.quarterOf(LocalDate.now(clock.withZone(time.zone()))))
                : Period.parse(period);
        model.addAttribute("periodText", period == null || period.isBlank() ? chosen.orElseThrow().toString() : period);
        if (chosen.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("periodError", true);
            return "statistics/overview";
        }
        model.addAttribute("overview", queries.overview(chosen.get(), locale));
        return "statistics/overview";
    }

    static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
