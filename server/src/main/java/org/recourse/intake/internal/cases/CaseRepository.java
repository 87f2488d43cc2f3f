package org.recourse.intake.internal.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.recourse.intake.CaseStatus;
import org.recourse.intake.Channel;
import org.recourse.intake.ReportedItem;
import org.recourse.intake.ReporterWords;
import org.recourse.intake.StatusChange;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads and writes cases, their items, status history, links and additions. */
@Repository
public class CaseRepository {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    CaseRepository(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** A case to insert: its id, its number and the hash of the reporter's secret (or null). */
    record NewCase(UUID id, String caseNumber, String secretHash, ValidatedReport report) {
    }

    /**
     * Inserts the cases, each with its first status RECEIVED, in one statement; a case whose
     * number is already taken is left out.
     *
     * @return the ids of the cases inserted
     */
    Set<UUID> insert(List<NewCase> newCases, Instant now) {
        int n = newCases.size();
        UUID[] ids = new UUID[n];
        String[][] text = new String[CASE_TEXT_COLUMNS.length][n];
        Boolean[] notOnline = new Boolean[n], childRoute = new Boolean[n], consent = new Boolean[n];
        for (int i = 0; i < n; i++) {
            NewCase c = newCases.get(i);
            NewReport r = c.report().report();
            boolean consented = r.contact().consent();
            ids[i] = c.id();
            String[] values = {c.caseNumber(), c.secretHash(), r.channel().code(), blankToNull(r.reporterType()),
                    String.join(",", r.forms()),
                    r.forms().contains("something_else") ? ReportValidation.trimmed(r.otherFormText()) : null,
                    blankToNull(r.started()), blankToNull(r.ongoing()), blankToNull(r.minor()),
                    blankToNull(r.policeContacted()), ReportValidation.trimmed(r.description()),
                    consented ? ReportValidation.trimmed(r.contact().email()) : null,
                    consented ? ReportValidation.trimmed(r.contact().phone()) : null,
                    blankToNull(r.monitoring().gender()), blankToNull(r.monitoring().ageBand()),
                    blankToNull(r.monitoring().relationship()), ReportValidation.trimmed(r.monitoring().municipality()),
                    ReportValidation.trimmed(r.origin().organisation()), ReportValidation.trimmed(r.origin().source()),
                    ReportValidation.trimmed(r.origin().externalReference()),
                    ReportValidation.trimmed(r.origin().submittedBy())};
            for (int column = 0; column < values.length; column++) {
                text[column][i] = values[column];
            }
            notOnline[i] = r.notOnline();
            childRoute[i] = c.report().childAbuseRoute();
            consent[i] = consented;
        }
        List<Object> args = new ArrayList<>();
        Timestamp at = Timestamp.from(now);
        args.add(at);
        args.add(at);
        args.add(ids);
        args.addAll(Arrays.asList(text));
        args.add(notOnline);
        args.add(childRoute);
        args.add(consent);
        return new HashSet<>(batch.queryForList("""
                with created as (
                    insert into intake_case (id, %s, forms, not_online, child_abuse_route, contact_consent, status,
                        received_at, updated_at)
                    select id, %<s, string_to_array(forms_joined, ','), not_online, child_abuse_route, contact_consent,
                        'RECEIVED', ?, ?
                    from unnest(?::uuid[], %s, ?::boolean[], ?::boolean[], ?::boolean[])
                        as v(id, %s, not_online, child_abuse_route, contact_consent)
                    on conflict (case_number) do nothing
                    returning id, received_at)
                insert into case_status_history (case_id, status, changed_at)
                select id, 'RECEIVED', received_at from created
                returning case_id
                """.formatted(STORED_TEXT_COLUMNS,
                        String.join(", ", Collections.nCopies(CASE_TEXT_COLUMNS.length, "?::text[]")),
                        String.join(", ", CASE_TEXT_COLUMNS)),
                UUID.class, args.toArray()));
    }

    /** The text columns of a new case in the order {@link #insert} fills them; forms travel joined by commas. */
    private static final String[] CASE_TEXT_COLUMNS = {"case_number", "secret_hash", "channel", "reporter_type",
            "forms_joined", "other_form_text", "started", "ongoing", "minor", "police_contacted", "description",
            "contact_email", "contact_phone", "gender", "age_band", "relationship", "municipality", "organisation",
            "source", "external_reference", "submitted_by"};

    private static final String STORED_TEXT_COLUMNS = String.join(", ",
            Arrays.stream(CASE_TEXT_COLUMNS).filter(c -> !c.equals("forms_joined")).toList());

    /** An item to insert, with the earlier open case its URL was already reported in (or null). */
    record NewItem(UUID id, UUID caseId, int position, ValidatedReport.CheckedItem item, UUID linkedCaseId) {
    }

    void insertItems(List<NewItem> items, Instant now) {
        int n = items.size();
        UUID[] ids = new UUID[n], cases = new UUID[n], linked = new UUID[n];
        Integer[] positions = new Integer[n];
        String[] urls = new String[n], normalised = new String[n], hosts = new String[n], platforms = new String[n],
                accounts = new String[n], descriptions = new String[n], referers = new String[n];
        for (int i = 0; i < n; i++) {
            NewItem item = items.get(i);
            ids[i] = item.id();
            cases[i] = item.caseId();
            positions[i] = item.position();
            urls[i] = item.item().url();
            normalised[i] = item.item().normalisedUrl();
            hosts[i] = item.item().host();
            platforms[i] = item.item().platform();
            accounts[i] = item.item().account();
            descriptions[i] = item.item().description();
            referers[i] = item.item().referer();
            linked[i] = item.linkedCaseId();
        }
        batch.update("""
                insert into reported_item (id, case_id, position, url, url_normalised, host, platform, account,
                    description, referer, linked_case_id, created_at)
                select *, ? from unnest(?::uuid[], ?::uuid[], ?::int[], ?::text[], ?::text[], ?::text[], ?::text[],
                    ?::text[], ?::text[], ?::text[], ?::uuid[])
                """, Timestamp.from(now), ids, cases, positions, urls, normalised, hosts, platforms, accounts,
                descriptions, referers, linked);
    }

    /**
     * For each normalised URL, the open case that reported it first, with its number: where a new
     * item with that URL is linked to.
     *
     * <p>Two single-table look-ups, each by its own index, with the choice of the first case made
     * here: the items with these URLs (one index look-up per URL), then, only if there are any,
     * their cases by key. Written as one join, this statement is at the mercy of statistics that
     * at 1 000 reports/s are up to a minute (60 000 rows) old, or missing in a new database: as a
     * join of the items to the open cases it ran as a parallel plan after an autoanalyze of
     * {@code intake_case} (both cores, a 5.6 s stall); with {@code order by received_at limit 1}
     * per URL it walked all open cases newest first looking for the URL, for every URL of the
     * batch, while {@code reported_item} had no statistics (0.1–0.4 s a batch). Here the items
     * are found by the URL index even without statistics, and the cases by key
     * (BENCHMARKS.md, issue 3, fourth session).
     */
    Map<String, LinkedCase> firstOpenCaseByUrl(Collection<String> normalisedUrls) {
        if (normalisedUrls.isEmpty()) {
            return Map.of();
        }
        Map<UUID, List<String>> urlsByCase = new HashMap<>();
        jdbc.sql("""
                select u.url, i.case_id
                from (select distinct url from unnest(?::text[]) as given(url)) u
                cross join lateral (select case_id from reported_item where url_normalised = u.url offset 0) i
                """) // offset 0: kept a subquery per URL, not flattened into a join that may scan all items
                .param(normalisedUrls.toArray(String[]::new))
                .query(rs -> {
                    urlsByCase.computeIfAbsent(rs.getObject(2, UUID.class), id -> new ArrayList<>()).add(rs.getString(1));
                });
        if (urlsByCase.isEmpty()) {
            return Map.of();
        }
        Map<String, LinkedCase> found = new HashMap<>();
        jdbc.sql("""
                select id, case_number from intake_case
                where id = any(?::uuid[]) and status not in ('CLOSED', 'WITHDRAWN')
                order by received_at, id
                """)
                .param(urlsByCase.keySet().toArray(UUID[]::new))
                .query(rs -> {
                    UUID id = rs.getObject(1, UUID.class);
                    for (String url : urlsByCase.get(id)) {
                        // Oldest first: the first case seen for a URL is the one it links to.
                        found.putIfAbsent(url, new LinkedCase(id, rs.getString(2), "same_url"));
                    }
                });
        return found;
    }

    /** A link to write between two cases, and why. */
    record NewLink(UUID caseId, UUID linkedCaseId, String reason) {
    }

    void link(List<NewLink> links, Instant now) {
        Timestamp at = Timestamp.from(now);
        batch.batchUpdate("""
                insert into case_link (case_id, linked_case_id, reason, created_at) values (?, ?, ?, ?)
                on conflict do nothing
                """, links, Math.max(1, links.size()), (ps, l) -> {
            ps.setObject(1, l.caseId());
            ps.setObject(2, l.linkedCaseId());
            ps.setString(3, l.reason());
            ps.setTimestamp(4, at);
        });
    }

    /** A partner's {@code Idempotency-Key} to claim for the case it creates. */
    record Claim(UUID apiKeyId, String key, String requestHash, UUID caseId) {
    }

    /**
     * Claims the keys in one statement; a key another transaction holds makes this wait for that
     * transaction. Keys are claimed in sorted order, so two batches never wait for each other in a
     * cycle; of two claims of one key in the same batch, the first wins.
     *
     * @return the cases whose claim succeeded
     */
    Set<UUID> claim(List<Claim> claims, Instant now) {
        List<Claim> sorted = claims.stream().sorted(Comparator.comparing(Claim::apiKeyId).thenComparing(Claim::key)).toList();
        int n = sorted.size();
        UUID[] keyIds = new UUID[n], cases = new UUID[n];
        String[] keys = new String[n], hashes = new String[n];
        for (int i = 0; i < n; i++) {
            Claim c = sorted.get(i);
            keyIds[i] = c.apiKeyId();
            keys[i] = c.key();
            hashes[i] = c.requestHash();
            cases[i] = c.caseId();
        }
        return new HashSet<>(batch.queryForList("""
                insert into api_idempotency (api_key_id, idempotency_key, request_hash, case_id, created_at)
                select api_key_id, idempotency_key, request_hash, case_id, ?
                from unnest(?::uuid[], ?::text[], ?::text[], ?::uuid[]) with ordinality
                    as c(api_key_id, idempotency_key, request_hash, case_id, n)
                order by n
                on conflict do nothing
                returning case_id
                """, UUID.class, Timestamp.from(now), keyIds, keys, hashes, cases));
    }

    /** Claims a form token for the case about to be created; false if it was claimed before. */
    boolean claimFormToken(String tokenHash, UUID caseId, Instant now) {
        return batch.update("""
                insert into intake_form_submission (token_hash, case_id, created_at) values (?, ?, ?)
                on conflict do nothing""", tokenHash, caseId, Timestamp.from(now)) == 1;
    }

    public void link(UUID caseId, UUID linkedCaseId, String reason, Instant now) {
        link(List.of(new NewLink(caseId, linkedCaseId, reason)), now);
    }

    /** Cases linked to this one in either direction, with their numbers. */
    public List<LinkedCase> links(UUID caseId) {
        return jdbc.sql("""
                select c.id, c.case_number, l.reason from case_link l
                join intake_case c on c.id = case when l.case_id = :id then l.linked_case_id else l.case_id end
                where l.case_id = :id or l.linked_case_id = :id order by c.received_at
                """).param("id", caseId)
                .query((rs, n) -> new LinkedCase(rs.getObject("id", UUID.class), rs.getString("case_number"),
                        rs.getString("reason"))).list();
    }

    public record LinkedCase(UUID id, String caseNumber, String reason) {
    }

    public void recordStatus(UUID caseId, CaseStatus status, Instant at) {
        jdbc.sql("insert into case_status_history (case_id, status, changed_at) values (?, ?, ?)")
                .params(caseId, status.name(), Timestamp.from(at)).update();
    }

    /** Moves an open case to {@code status}; false if it already had it or is closed. */
    public boolean changeStatus(UUID caseId, CaseStatus status, Instant at) {
        return jdbc.sql("""
                update intake_case set status = ?, updated_at = ?
                where id = ? and status <> ? and status not in ('CLOSED', 'WITHDRAWN')
                """).params(status.name(), Timestamp.from(at), caseId, status.name()).update() == 1;
    }

    public Optional<CaseRecord> find(UUID id) {
        return jdbc.sql("select * from intake_case where id = ?").param(id).query(CaseRepository::map).optional();
    }

    public Optional<CaseRecord> findByNumber(String caseNumber) {
        return jdbc.sql("select * from intake_case where case_number = ?").param(caseNumber)
                .query(CaseRepository::map).optional();
    }

    /** Locks the case row for the rest of the transaction. */
    public Optional<CaseRecord> lock(UUID id) {
        return jdbc.sql("select * from intake_case where id = ? for update").param(id).query(CaseRepository::map).optional();
    }

    public List<ReportedItem> items(UUID caseId) {
        return itemsOf(List.of(caseId)).getOrDefault(caseId, List.of());
    }

    /** Items of the cases, each case's in reported order. */
    public Map<UUID, List<ReportedItem>> itemsOf(Collection<UUID> caseIds) {
        Map<UUID, List<ReportedItem>> byCase = new HashMap<>();
        jdbc.sql("select * from reported_item where case_id = any(?::uuid[]) order by case_id, position")
                .param(caseIds.toArray(UUID[]::new))
                .query(rs -> {
                    UUID caseId = rs.getObject("case_id", UUID.class);
                    byCase.computeIfAbsent(caseId, id -> new ArrayList<>()).add(new ReportedItem(
                            rs.getObject("id", UUID.class), caseId, rs.getString("url_normalised"), rs.getString("host"),
                            rs.getString("platform"), rs.getString("account"), rs.getString("description"),
                            rs.getObject("linked_case_id", UUID.class)));
                });
        return byCase;
    }

    public List<CaseRecord> findAll(Collection<UUID> caseIds) {
        return jdbc.sql("select * from intake_case where id = any(?::uuid[])").param(caseIds.toArray(UUID[]::new))
                .query(CaseRepository::map).list();
    }

    public Map<UUID, List<StatusChange>> histories(Collection<UUID> caseIds) {
        Map<UUID, List<StatusChange>> byCase = new HashMap<>();
        jdbc.sql("select case_id, status, changed_at from case_status_history where case_id = any(?::uuid[]) "
                        + "order by changed_at, id")
                .param(caseIds.toArray(UUID[]::new))
                .query(rs -> {
                    byCase.computeIfAbsent(rs.getObject("case_id", UUID.class), id -> new ArrayList<>())
                            .add(new StatusChange(CaseStatus.valueOf(rs.getString("status")),
                                    rs.getTimestamp("changed_at").toInstant()));
                });
        return byCase;
    }

    public List<StatusChange> history(UUID caseId) {
        return histories(List.of(caseId)).getOrDefault(caseId, List.of());
    }

    /** What the reporter added on the status page, oldest first. */
    public List<ReporterWords.Addition> additions(UUID caseId) {
        return jdbc.sql("select kind, body, created_at from case_addition where case_id = ? order by created_at, id")
                .param(caseId)
                .query((rs, n) -> new ReporterWords.Addition(rs.getTimestamp("created_at").toInstant(),
                        ReporterWords.AdditionKind.valueOf(rs.getString("kind").toUpperCase(java.util.Locale.ROOT)),
                        rs.getString("body")))
                .list();
    }

    /** Case numbers by id, in one query; unknown ids are left out. */
    public Map<UUID, String> numbers(Collection<UUID> caseIds) {
        Map<UUID, String> numbers = new HashMap<>();
        jdbc.sql("select id, case_number from intake_case where id = any(?::uuid[])").param(caseIds.toArray(UUID[]::new))
                .query(rs -> {
                    numbers.put(rs.getObject("id", UUID.class), rs.getString("case_number"));
                });
        return numbers;
    }

    static CaseRecord map(ResultSet rs, int row) throws SQLException {
        Timestamp removed = rs.getTimestamp("personal_data_removed_at");
        return new CaseRecord(rs.getObject("id", UUID.class), rs.getString("case_number"), rs.getString("secret_hash"),
                CaseStatus.valueOf(rs.getString("status")), Channel.fromCode(rs.getString("channel")),
                rs.getString("reporter_type"), Arrays.asList((String[]) rs.getArray("forms").getArray()),
                rs.getString("other_form_text"), rs.getBoolean("not_online"), rs.getString("started"),
                rs.getString("ongoing"), rs.getString("minor"), rs.getBoolean("child_abuse_route"),
                rs.getString("police_contacted"), rs.getString("description"), rs.getBoolean("contact_consent"),
                rs.getString("contact_email"), rs.getString("contact_phone"), rs.getString("gender"),
                rs.getString("age_band"), rs.getString("relationship"), rs.getString("municipality"),
                rs.getString("organisation"), rs.getString("source"), rs.getString("external_reference"),
                rs.getString("submitted_by"), rs.getInt("additions"), rs.getTimestamp("received_at").toInstant(),
                removed == null ? null : removed.toInstant());
    }

    private static String blankToNull(String value) {
        return NewReport.blank(value) ? null : value.strip();
    }
}
