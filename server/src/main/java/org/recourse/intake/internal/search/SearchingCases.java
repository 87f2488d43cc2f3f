package org.recourse.intake.internal.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.recourse.audit.AuditSource;
import org.recourse.audit.AuditTrail;
import org.recourse.platform.CaseFinder;
import org.recourse.platform.DisplayTime;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Staff search: finds cases by what was typed (see {@link SearchTerms}) and by other modules'
 * identifiers ({@link CaseFinder}), narrowed by a filter, newest first, a page at a time. Results
 * show the reported addresses, so every case shown is recorded in the audit trail (never the
 * text searched for). A search that would run too long is stopped and answered with a request to
 * narrow it, never with an error page.
 */
@Service
class SearchingCases {

    static final int PAGE_SIZE = 25;
    /** Deeper pages are not offered: narrow the search instead. */
    static final int MAX_PAGE = 40;
    private static final int FOUND_PER_FINDER = 200;

    /** One case found, with the addresses it is about and what other modules matched. */
    record Result(CaseRow row, List<String> addresses, List<CaseFinder.Found> found) {
    }

    /**
     * A page of results, or the message why there are none.
     *
     * @param messageKey why nothing was searched or found ({@code intake.search.*}), or null
     * @param cleaned    control characters were removed from the text
     */
    record Outcome(List<Result> results, int page, boolean hasNext, String messageKey, boolean cleaned) {
    }

    private final CaseSearchQueries queries;
    private final List<CaseFinder> finders;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;
    private final DisplayTime times;

    SearchingCases(CaseSearchQueries queries, List<CaseFinder> finders, AuditTrail audit, TransactionTemplate transactions,
                   JdbcClient jdbc, DisplayTime times) {
        this.queries = queries;
        this.finders = finders;
        this.audit = audit;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.times = times;
    }

    Outcome search(String text, CaseFilter filter, int requestedPage) {
        SearchTerms.Parsed parsed = SearchTerms.parse(text);
        int page = Math.max(1, Math.min(requestedPage, MAX_PAGE));
        if (parsed.terms() == null) {
            return new Outcome(List.of(), page, false,
                    parsed.refusal() == SearchTerms.Refusal.TOO_LONG ? "intake.search.too-long" : "intake.search.empty",
                    parsed.cleaned());
        }
        SearchTerms terms = parsed.terms();
        Map<UUID, List<CaseFinder.Found>> found = new LinkedHashMap<>();
        for (CaseFinder finder : finders) {
            finder.find(terms.text(), FOUND_PER_FINDER).forEach(f -> found.computeIfAbsent(f.caseId(), id -> new ArrayList<>()).add(f));
        }
        try {
            Fetched fetched = transactions.execute(status -> fetch(terms, found, filter, page));
            return new Outcome(fetched.results(), page, fetched.more() && page < MAX_PAGE,
                    fetched.results().isEmpty() ? (page > 1 ? "intake.search.no-more" : "intake.search.nothing") : null,
                    parsed.cleaned());
        } catch (DataAccessException tooLong) {
            if (!cancelled(tooLong)) {
                throw tooLong;
            }
            return new Outcome(List.of(), page, false, "intake.search.too-broad", parsed.cleaned());
        }
    }

    private record Fetched(List<Result> results, boolean more) {
    }

    /** One page, in the caller's transaction, each case shown recorded in the audit trail. */
    private Fetched fetch(SearchTerms terms, Map<UUID, List<CaseFinder.Found>> found, CaseFilter filter, int page) {
        jdbc.sql("set local statement_timeout = '5s'").update();
        List<CaseRow> rows = queries.search(terms, found.keySet(), filter, times.zone(), PAGE_SIZE + 1, (page - 1) * PAGE_SIZE);
        List<CaseRow> shown = rows.subList(0, Math.min(rows.size(), PAGE_SIZE));
        Map<UUID, List<String>> addresses = queries.addresses(shown.stream().map(CaseRow::id).toList(), 3);
        List<Result> results = new ArrayList<>();
        List<AuditTrail.NewEntry> views = new ArrayList<>();
        AuditSource source = audit.currentSource();
        for (CaseRow row : shown) {
            results.add(new Result(row, addresses.getOrDefault(row.id(), List.of()), found.getOrDefault(row.id(), List.of())));
            views.add(new AuditTrail.NewEntry(source, "case.found", "case", row.id().toString(), "search matched "
                    + row.matched().stream().map(Enum::name).collect(Collectors.joining(","))));
        }
        if (!views.isEmpty()) {
            audit.recordAll(views);
        }
        return new Fetched(results, rows.size() > PAGE_SIZE);
    }

    /** PostgreSQL's "canceling statement due to statement timeout" (SQLSTATE 57014). */
    private static boolean cancelled(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && "57014".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
