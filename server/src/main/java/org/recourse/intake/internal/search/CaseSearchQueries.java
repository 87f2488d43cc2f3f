package org.recourse.intake.internal.search;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.recourse.intake.CaseStatus;
import org.recourse.intake.Channel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of the reports list and of search. Every condition is a fixed piece of SQL chosen by
 * which terms and filters are present (so each query gets a plan for its own shape); everything
 * typed is a bound parameter. The text-search expressions are the ones migration V21_1 indexes.
 */
@Repository
class CaseSearchQueries {

    static final String CASE_WORDS = "to_tsvector('simple'::regconfig, coalesce(description, '') || ' ' || coalesce(other_form_text, ''))";
    static final String ITEM_WORDS = "to_tsvector('simple'::regconfig, coalesce(description, ''))";
    static final String ADDITION_WORDS = "to_tsvector('simple'::regconfig, coalesce(body, ''))";
    static final String QUERY = "websearch_to_tsquery('simple'::regconfig, :words)";

    private static final String COLUMNS = """
            select c.id, c.case_number, c.status, c.channel, c.received_at, c.forms, c.child_abuse_route,
                (select count(*) from reported_item i where i.case_id = c.id) as items,
                exists (select 1 from case_link l where l.case_id = c.id or l.linked_case_id = c.id) as linked""";

    /**
     * Ends a correlated EXISTS of the walk. "offset 0" keeps PostgreSQL from turning it into a hash
     * of every matching row (all of a large platform's items), built before the first case is
     * tested; asked per case, the walk stops at the end of the page (measured: 197 ms to 7 ms).
     */
    private static final String PER_CASE = " offset 0";

    /** From this many matches on, cases are walked newest first instead of collected. */
    static final int DENSE = 2000;

    private final JdbcClient jdbc;

    CaseSearchQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Cases newest first, narrowed by the filter. */
    List<CaseRow> list(CaseFilter filter, ZoneId zone, int limit, int offset) {
        Map<String, Object> params = new HashMap<>();
        String sql = COLUMNS + ", null as kinds from intake_case c where true" + conditions(filter, zone, params)
                + " order by c.received_at desc, c.id desc limit :limit offset :offset";
        params.put("limit", limit);
        params.put("offset", offset);
        return jdbc.sql(sql).params(params).query(CaseSearchQueries::row).list();
    }

    /**
     * One way a case can match: as a list of matching case ids (for few matches) and as a condition
     * on a case row {@code c} (for many).
     */
    private record Branch(MatchKind kind, String ids, String condition) {
    }

    /**
     * Cases matching the terms or found by other modules, newest first, narrowed by the filter.
     * Two plans, chosen by counting matches up to {@link #DENSE}: few matches are collected by
     * their indexes and then ordered; many (a common word, a large platform) are found by walking
     * cases newest first and testing each, which stops as soon as the page is full.
     *
     * @param found cases other modules' finders returned
     */
    List<CaseRow> search(SearchTerms terms, Collection<UUID> found, CaseFilter filter, ZoneId zone, int limit, int offset) {
        Map<String, Object> params = new HashMap<>();
        List<Branch> branches = branches(terms, found, params);
        if (branches.isEmpty()) {
            return List.of();
        }
        String union = branches.stream().map(b -> b.ids().replace("select ", "select '" + b.kind().name() + "' as kind, "))
                .collect(Collectors.joining(" union all "));
        long matches = jdbc.sql("select count(*) from (select 1 from (" + union + ") m limit " + DENSE + ") probe")
                .params(params).query(Long.class).single();
        String sql;
        if (matches < DENSE) {
            sql = "with matched (kind, case_id) as (" + union + "),"
                    + " hits as (select case_id, array_agg(distinct kind) as kinds from matched group by case_id) "
                    + COLUMNS + ", h.kinds from hits h join intake_case c on c.id = h.case_id where true";
        } else {
            // The walk must follow intake_case_newest and stop at the page's end. The planner cannot
            // know that so many cases match (it guesses from the conditions) and may otherwise read
            // and sort the whole table; this holds for this statement's transaction only.
            jdbc.sql("set local enable_seqscan = off").update();
            sql = COLUMNS + ", array_remove(array[" + branches.stream()
                    .map(b -> "case when " + b.condition() + " then '" + b.kind().name() + "' end")
                    .collect(Collectors.joining(", ")) + "], null) as kinds from intake_case c where ("
                    + branches.stream().map(Branch::condition).collect(Collectors.joining(" or ")) + ")";
        }
        sql += conditions(filter, zone, params) + " order by c.received_at desc, c.id desc limit :limit offset :offset";
        params.put("limit", limit);
        params.put("offset", offset);
        return jdbc.sql(sql).params(params).query(CaseSearchQueries::row).list();
    }

    private static List<Branch> branches(SearchTerms terms, Collection<UUID> found, Map<String, Object> params) {
        List<Branch> branches = new ArrayList<>();
        if (terms.numberPrefix() != null) {
            branches.add(new Branch(MatchKind.NUMBER, "select id from intake_case where case_number like :numberPrefix",
                    "c.case_number like :numberPrefix"));
            params.put("numberPrefix", terms.numberPrefix() + "%");
        }
        if (terms.fragment() != null) {
            // A domain is found by its host (below), not as a piece of every address: on a large
            // platform that piece is in hundreds of thousands of them. Account names may look like
            // domains ("anna.jansen"), so they are still searched.
            if (terms.domain() == null) {
                branches.add(item(MatchKind.URL, "url_normalised ilike :fragment"));
            }
            branches.add(item(MatchKind.ACCOUNT, "account ilike :fragment"));
            params.put("fragment", terms.fragment());
        }
        if (terms.domain() != null) {
            branches.add(item(MatchKind.DOMAIN, "(reverse(host) = :reversedDomain or reverse(host) like :reversedSubdomains)"));
            params.put("reversedDomain", terms.reversedDomain());
            params.put("reversedSubdomains", terms.reversedSubdomains());
        }
        if (terms.email() != null) {
            branches.add(new Branch(MatchKind.EMAIL, "select id from intake_case where lower(contact_email) = :email",
                    "lower(c.contact_email) = :email"));
            params.put("email", terms.email());
        }
        terms.words().ifPresent(words -> {
            branches.add(new Branch(MatchKind.WORDS, "select id from intake_case where " + CASE_WORDS + " @@ " + QUERY,
                    CASE_WORDS.replace("(description", "(c.description").replace("(other_form_text", "(c.other_form_text")
                            + " @@ " + QUERY));
            branches.add(item(MatchKind.WORDS, ITEM_WORDS + " @@ " + QUERY));
            branches.add(new Branch(MatchKind.WORDS,
                    "select case_id from case_addition where kind = 'text' and " + ADDITION_WORDS + " @@ " + QUERY,
                    "exists (select 1 from case_addition where case_id = c.id and kind = 'text' and " + ADDITION_WORDS + " @@ "
                            + QUERY + PER_CASE + ")"));
            params.put("words", words);
        });
        if (!found.isEmpty()) {
            branches.add(new Branch(MatchKind.OTHER, "select cast(unnest(string_to_array(:found, ',')) as uuid)",
                    "c.id = any(cast(string_to_array(:found, ',') as uuid[]))"));
            params.put("found", found.stream().map(UUID::toString).collect(Collectors.joining(",")));
        }
        return branches;
    }

    /** A match on one of the case's reported items. */
    private static Branch item(MatchKind kind, String condition) {
        return new Branch(kind, "select case_id from reported_item where " + condition,
                "exists (select 1 from reported_item where case_id = c.id and " + condition + PER_CASE + ")");
    }

    /** The first addresses and accounts of each case, to show what a result is about. */
    Map<UUID, List<String>> addresses(Collection<UUID> caseIds, int perCase) {
        Map<UUID, List<String>> byCase = new LinkedHashMap<>();
        if (caseIds.isEmpty()) {
            return byCase;
        }
        jdbc.sql("""
                        select case_id, coalesce(url_normalised, nullif(concat_ws(' ', platform, account), '')) as shown
                        from reported_item where case_id = any(string_to_array(:ids, ',')::uuid[]) order by case_id, position""")
                .param("ids", caseIds.stream().map(UUID::toString).collect(Collectors.joining(",")))
                .query(rs -> {
                    String shown = rs.getString("shown");
                    List<String> list = byCase.computeIfAbsent(rs.getObject("case_id", UUID.class), id -> new ArrayList<>());
                    if (shown != null && list.size() < perCase) {
                        list.add(shown);
                    }
                });
        return byCase;
    }

    private static String conditions(CaseFilter filter, ZoneId zone, Map<String, Object> params) {
        StringBuilder where = new StringBuilder();
        if (filter.status() != null) {
            where.append(" and c.status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.channel() != null) {
            where.append(" and c.channel = :channel");
            params.put("channel", filter.channel().code());
        }
        if (filter.form() != null) {
            where.append(" and :form = any(c.forms)");
            params.put("form", filter.form());
        }
        if (filter.from() != null) {
            where.append(" and c.received_at >= :from");
            params.put("from", Timestamp.from(filter.from().atStartOfDay(zone).toInstant()));
        }
        if (filter.to() != null) {
            where.append(" and c.received_at < :to");
            params.put("to", Timestamp.from(filter.to().plusDays(1).atStartOfDay(zone).toInstant()));
        }
        if (filter.childRoute()) {
            where.append(" and c.child_abuse_route");
        }
        return where.toString();
    }

    private static CaseRow row(ResultSet rs, int n) throws SQLException {
        Set<MatchKind> kinds = EnumSet.noneOf(MatchKind.class);
        Array array = rs.getArray("kinds");
        if (array != null) {
            for (Object kind : (Object[]) array.getArray()) {
                kinds.add(MatchKind.valueOf(kind.toString()));
            }
        }
        return new CaseRow(rs.getObject("id", UUID.class), rs.getString("case_number"), CaseStatus.valueOf(rs.getString("status")),
                Channel.fromCode(rs.getString("channel")), rs.getTimestamp("received_at").toInstant(),
                Arrays.asList((String[]) rs.getArray("forms").getArray()), rs.getBoolean("child_abuse_route"),
                rs.getInt("items"), rs.getBoolean("linked"), kinds);
    }
}
