package org.recourse.platform;

import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A case as every page names it: by its case number ({@code RC-7K3M-Q9TX}); the internal id is
 * for queries only and never shown. Its one page is {@link #href()}.
 */
public record CaseRef(UUID id, String caseNumber) {

    /** The case page, {@code /staff/cases/RC-7K3M-Q9TX}. */
    public String href() {
        return "/staff/cases/" + caseNumber;
    }

    /** A part of the case page, e.g. {@code /staff/cases/RC-7K3M-Q9TX#evidence}. */
    public String href(String anchor) {
        return href() + "#" + anchor;
    }

    /**
     * A permanent redirect (301) to the case page or a part of it: the answer of the pages that
     * each showed a slice of a case by internal id before the case had one page.
     */
    public ResponseEntity<Void> movedHere(String anchor) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.LOCATION, anchor == null ? href() : href(anchor));
        return new ResponseEntity<>(headers, HttpStatus.MOVED_PERMANENTLY);
    }
}
