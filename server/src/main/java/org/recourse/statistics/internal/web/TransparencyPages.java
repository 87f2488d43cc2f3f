package org.recourse.statistics.internal.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.recourse.platform.DisplayTime;
import org.recourse.statistics.internal.measures.Period;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public transparency page ({@code /transparantie}, {@code /transparency}): protected figures
 * per completed quarter, plain HTML with inline SVG, no script needed and nothing loaded from
 * elsewhere. A quarter still running is not shown: its figures would change and two versions could
 * be subtracted.
 */
@Controller
class TransparencyPages {

    private final TransparencyQuery query;
    private final Clock clock;
    private final DisplayTime time;

    TransparencyPages(TransparencyQuery query, Clock clock, DisplayTime time) {
        this.query = query;
        this.clock = clock;
        this.time = time;
    }

    @GetMapping({"/transparantie", "/transparency"})
    String page(@RequestParam(required = false) String quarter, Model model, Locale locale, HttpServletResponse response) {
        Period lastComplete = Period.quarterOf(LocalDate.now(clock.withZone(time.zone()))).previous();
        Optional<Period> chosen = quarter == null || quarter.isBlank() ? Optional.of(lastComplete)
                : Period.parse(quarter).filter(p -> p.kind() == Period.Kind.QUARTER)
                        .filter(p -> !p.firstDay().isAfter(lastComplete.firstDay()));
        List<String> recent = new ArrayList<>();
        Period p = lastComplete;
        for (int i = 0; i < 4; i++) {
            recent.add(p.toString());
            p = p.previous();
        }
        model.addAttribute("recent", recent);
        if (chosen.isEmpty()) {
            response.setStatus(404);
            model.addAttribute("quarterError", true);
            return "statistics/transparency";
        }
        model.addAttribute("page", query.quarter(chosen.get(), locale));
        return "statistics/transparency";
    }
}
