package org.recourse.support;

import java.util.ArrayList;
import java.util.List;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Reads the dashboard's "needs attention" list the way a person does: one part (module) at a time,
 * following "next" through its pages, since the suite leaves many entries of earlier tests waiting.
 */
public final class AttentionEntries {

    private AttentionEntries() {
    }

    /** Every entry of the area ({@code takedown}, {@code escalation}, ...) on every page. */
    public static List<Element> of(StaffHttp http, String area) {
        List<Element> entries = new ArrayList<>();
        String path = "/staff?area=" + area;
        for (int pages = 0; path != null && pages < 50; pages++) {
            Document page = http.get(path).document();
            entries.addAll(page.select("#attention-list tr.attention-entry"));
            Element next = page.getElementById("attention-next");
            path = next == null ? null : next.attr("href");
        }
        return entries;
    }

    /** The area's entry for a case number, or null. */
    public static Element forCase(StaffHttp http, String area, String caseNumber) {
        return of(http, area).stream().filter(row -> row.selectFirst(".case-number").text().equals(caseNumber)).findFirst().orElse(null);
    }

    /** The area's entries whose text contains this, as one text. */
    public static String containing(StaffHttp http, String area, String text) {
        return String.join("\n", of(http, area).stream().map(Element::text).filter(t -> t.contains(text)).toList());
    }
}
