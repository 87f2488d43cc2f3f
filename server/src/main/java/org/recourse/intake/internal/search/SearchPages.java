package org.recourse.intake.internal.search;

import java.util.List;

import org.recourse.intake.CaseStatus;
import org.recourse.intake.Channel;
import org.recourse.taxonomy.Taxonomy;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Finding cases: search from the box on every staff page, and the reports list with the same
 * filters (stage, channel, form of violence, dates, the child abuse route), a page at a time.
 */
@Controller
class SearchPages {

    private final SearchingCases searching;
    private final ListingCases listing;
    private final Taxonomy taxonomy;

    SearchPages(SearchingCases searching, ListingCases listing, Taxonomy taxonomy) {
        this.searching = searching;
        this.listing = listing;
        this.taxonomy = taxonomy;
    }

    @GetMapping("/staff/search")
    String search(@RequestParam(required = false) String q, @RequestParam(required = false) String status,
                  @RequestParam(required = false) String channel, @RequestParam(required = false) String form,
                  @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                  @RequestParam(required = false) String childRoute, @RequestParam(defaultValue = "1") String page,
                  Model model) {
        CaseFilter.Parsed filter = CaseFilter.parse(status, channel, form, from, to, childRoute);
        SearchingCases.Outcome outcome = searching.search(q, filter.filter(), page(page));
        model.addAttribute("searchText", q == null || q.length() > SearchTerms.MAX_LENGTH ? "" : q.replaceAll("\\p{Cc}", ""));
        model.addAttribute("outcome", outcome);
        return filters(filter, model, "intake/search");
    }

    @GetMapping("/staff/intake")
    String list(@RequestParam(required = false) String status, @RequestParam(required = false) String channel,
                @RequestParam(required = false) String form, @RequestParam(required = false) String from,
                @RequestParam(required = false) String to, @RequestParam(required = false) String childRoute,
                @RequestParam(defaultValue = "1") String page, Model model) {
        CaseFilter.Parsed filter = CaseFilter.parse(status, channel, form, from, to, childRoute);
        model.addAttribute("listed", listing.list(filter.filter(), page(page)));
        return filters(filter, model, "intake/staff-list");
    }

    private String filters(CaseFilter.Parsed filter, Model model, String view) {
        model.addAttribute("filter", filter.filter());
        model.addAttribute("filterErrors", filter.errors());
        model.addAttribute("statuses", List.of(CaseStatus.values()));
        model.addAttribute("channels", List.of(Channel.values()));
        model.addAttribute("forms", taxonomy.activeForms());
        return view;
    }

    private static int page(String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
