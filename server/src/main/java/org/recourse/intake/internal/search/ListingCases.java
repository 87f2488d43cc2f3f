package org.recourse.intake.internal.search;

import java.util.List;

import org.recourse.platform.DisplayTime;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The reports list: cases newest first, narrowed by a filter, a page at a time. */
@Service
class ListingCases {

    static final int PAGE_SIZE = 50;
    static final int MAX_PAGE = 100;

    /** One page of the list. */
    record Listed(List<CaseRow> rows, int page, boolean hasNext) {
    }

    private final CaseSearchQueries queries;
    private final DisplayTime times;

    ListingCases(CaseSearchQueries queries, DisplayTime times) {
        this.queries = queries;
        this.times = times;
    }

    @Transactional(readOnly = true)
    Listed list(CaseFilter filter, int requestedPage) {
        int page = Math.max(1, Math.min(requestedPage, MAX_PAGE));
        List<CaseRow> rows = queries.list(filter, times.zone(), PAGE_SIZE + 1, (page - 1) * PAGE_SIZE);
        boolean more = rows.size() > PAGE_SIZE;
        return new Listed(more ? rows.subList(0, PAGE_SIZE) : rows, page, more && page < MAX_PAGE);
    }
}
