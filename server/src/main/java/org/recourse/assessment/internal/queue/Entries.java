package org.recourse.assessment.internal.queue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.recourse.assessment.internal.SqlArrays;
import org.recourse.intake.Cases;
import org.recourse.intake.ReportedItem;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The queue table. Locks are taken and checked in single conditional statements against the
 * database clock, so two analysts on two nodes can never hold the same entry. Items' addresses
 * are read from intake each time, so they disappear here when intake anonymises them.
 */
@Repository
public class Entries {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final Cases cases;

    Entries(JdbcClient jdbc, JdbcTemplate batch, Cases cases) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.cases = cases;
    }

    /** Queues the entries; one already queued is left as it is. */
    void insert(List<Entry> queued) {
        int n = queued.size();
        UUID[] ids = new UUID[n], cases = new UUID[n], items = new UUID[n];
        String[] numbers = new String[n], channels = new String[n], forms = new String[n], platforms = new String[n],
                platformKeys = new String[n], referrals = new String[n];
        Boolean[] minor = new Boolean[n], urgent = new Boolean[n];
        Timestamp[] received = new Timestamp[n];
        for (int i = 0; i < n; i++) {
            Entry e = queued.get(i);
            ids[i] = e.id();
            cases[i] = e.caseId();
            items[i] = e.itemId();
            numbers[i] = e.caseNumber();
            channels[i] = e.channel();
            forms[i] = SqlArrays.literal(e.forms());
            platforms[i] = e.platform();
            platformKeys[i] = e.platformKey();
            minor[i] = e.minor();
            urgent[i] = e.urgent();
            referrals[i] = e.urgentReferral();
            received[i] = Timestamp.from(e.receivedAt());
        }
        batch.update("""
                insert into assessment_entry (id, case_id, item_id, case_number, channel, forms, platform, platform_key,
                    minor, urgent, urgent_referral, received_at, created_at)
                select id, case_id, item_id, case_number, channel, forms::text[], platform, platform_key, minor, urgent,
                    urgent_referral, received_at, now()
                from unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                    ?::boolean[], ?::boolean[], ?::text[], ?::timestamptz[])
                    as e(id, case_id, item_id, case_number, channel, forms, platform, platform_key, minor, urgent,
                        urgent_referral, received_at)
                on conflict (id) do nothing""", ids, cases, items, numbers, channels, forms, platforms, platformKeys,
                minor, urgent, referrals, received);
    }

    public Optional<Entry> find(UUID id) {
        return jdbc.sql("select * from assessment_entry where id = ?").param(id).query(Entries::map).optional().map(this::withUrl);
    }

    /** Reads the entry and holds its row until the transaction ends, so decisions on it are made one at a time. */
    public Optional<Entry> findForUpdate(UUID id) {
        return jdbc.sql("select * from assessment_entry where id = ? for update").param(id).query(Entries::map).optional()
                .map(this::withUrl);
    }

    public List<Entry> forCase(UUID caseId) {
        Map<UUID, String> urls = urls(caseId);
        return jdbc.sql("select * from assessment_entry where case_id = ? order by received_at, id").param(caseId)
                .query(Entries::map).list().stream().map(e -> e.withUrl(urls.get(e.itemId()))).toList();
    }

    /** Entries by id with their addresses, in two queries; unknown ids are left out. */
    public Map<UUID, Entry> findAll(java.util.Collection<UUID> ids) {
        Map<UUID, Entry> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        List<Entry> rows = jdbc.sql("select * from assessment_entry where id = any(?::uuid[])").param(ids.toArray(UUID[]::new))
                .query(Entries::map).list();
        Map<UUID, List<ReportedItem>> items = cases.itemsOf(rows.stream().map(Entry::caseId).distinct().toList());
        for (Entry e : rows) {
            String url = items.getOrDefault(e.caseId(), List.of()).stream().filter(i -> i.id().equals(e.itemId()))
                    .map(ReportedItem::url).findFirst().orElse(null);
            found.put(e.id(), e.withUrl(url));
        }
        return found;
    }

    /** Awaiting entries of open cases; entries of withdrawn or closed cases are left out. */
    List<Entry> awaiting(QueueFilter filter, int limit) {
        List<Entry> found = jdbc.sql("""
                        select * from assessment_entry
                        where state = 'awaiting'
                          and (cast(:form as text) is null or :form = any(forms))
                          and (cast(:platform as text) is null or lower(platform) = lower(:platform))
                          and (cast(:minor as text) is null or minor = (:minor = 'yes'))
                          and (cast(:channel as text) is null or channel = :channel)
                        order by\s""" + filter.orderBy() + " limit :limit")
                .param("form", filter.form()).param("platform", filter.platform()).param("minor", filter.minor())
                .param("channel", filter.channel()).param("limit", limit)
                .query(Entries::map).list();
        Map<UUID, Map<UUID, String>> urlsByCase = new HashMap<>();
        List<Entry> shown = new ArrayList<>();
        for (Entry e : found) {
            Map<UUID, String> urls = urlsByCase.computeIfAbsent(e.caseId(),
                    caseId -> caseOpen(caseId) ? urls(caseId) : null);
            if (urls != null) {
                shown.add(e.withUrl(urls.get(e.itemId())));
            }
        }
        return shown;
    }

    public boolean caseOpen(UUID caseId) {
        return cases.find(caseId).map(c -> c.status().isOpen()).orElse(false);
    }

    private Entry withUrl(Entry e) {
        return e.itemId() == null ? e : e.withUrl(urls(e.caseId()).get(e.itemId()));
    }

    private Map<UUID, String> urls(UUID caseId) {
        Map<UUID, String> urls = new HashMap<>();
        for (ReportedItem item : cases.items(caseId)) {
            if (item.url() != null) {
                urls.put(item.id(), item.url());
            }
        }
        return urls;
    }

    /** Awaiting entries {@code user} may take: free ones and those they hold (the menu's count). */
    public long waitingFor(String user) {
        return jdbc.sql("""
                        select count(*) from assessment_entry
                        where state = 'awaiting' and (locked_by is null or locked_by = ? or lock_expires < now())""")
                .param(user).query(Long.class).single();
    }

    List<String> platforms() {
        return jdbc.sql("select distinct platform from assessment_entry where state = 'awaiting' and platform is not null order by 1")
                .query(String.class).list();
    }

    /** Takes or renews the lock on an awaiting entry that nobody else holds. */
    boolean lock(UUID id, String user, Duration timeout) {
        return jdbc.sql("""
                        update assessment_entry set locked_by = :user, locked_at = now(),
                            lock_expires = now() + make_interval(secs => :seconds)
                        where id = :id and state = 'awaiting'
                          and (locked_by is null or locked_by = :user or lock_expires < now())""")
                .param("id", id).param("user", user).param("seconds", timeout.toSeconds()).update() == 1;
    }

    /** Locks the first free awaiting entry in queue order; concurrent callers skip each other's rows. */
    Optional<UUID> lockNext(String user, Duration timeout) {
        return jdbc.sql("""
                        update assessment_entry set locked_by = :user, locked_at = now(),
                            lock_expires = now() + make_interval(secs => :seconds)
                        where id = (select id from assessment_entry
                                    where state = 'awaiting' and (locked_by is null or lock_expires < now())
                                    order by urgent desc, received_at, id limit 1 for update skip locked)
                          and state = 'awaiting' and (locked_by is null or lock_expires < now())
                        returning id""")
                .param("user", user).param("seconds", timeout.toSeconds()).query(UUID.class).optional();
    }

    /** Sets another person's lock (a coordinator assigning work); only on entries nobody else holds. */
    boolean assign(UUID id, String assignee, Duration timeout) {
        return lock(id, assignee, timeout);
    }

    /** Releases the lock if {@code user} holds it, or any lock when {@code user} is null. */
    boolean release(UUID id, String user) {
        return jdbc.sql("""
                        update assessment_entry set locked_by = null, locked_at = null, lock_expires = null
                        where id = :id and locked_by is not null and (cast(:user as text) is null or locked_by = :user)""")
                .param("id", id).param("user", user).update() == 1;
    }

    /**
     * Moves an awaiting entry on when {@code user} holds a live lock on it, releasing the lock; the
     * check and the change are one statement, so a lock that expired or was taken over fails here.
     */
    public boolean finishAssessing(UUID id, String user, String newState) {
        return jdbc.sql("""
                        update assessment_entry set state = :state, locked_by = null, locked_at = null, lock_expires = null
                        where id = :id and state = 'awaiting' and locked_by = :user and lock_expires > now()""")
                .param("id", id).param("user", user).param("state", newState).update() == 1;
    }

    /** Closes an awaiting entry nobody else is assessing. */
    boolean closeAwaiting(UUID id, String user, String reason) {
        return jdbc.sql("""
                        update assessment_entry set state = 'closed', closed_reason = :reason,
                            locked_by = null, locked_at = null, lock_expires = null
                        where id = :id and state = 'awaiting'
                          and (locked_by is null or locked_by = :user or lock_expires < now())""")
                .param("id", id).param("user", user).param("reason", reason).update() == 1;
    }

    public void changeState(UUID id, String state, String closedReason) {
        jdbc.sql("update assessment_entry set state = ?, closed_reason = coalesce(?, closed_reason) where id = ?")
                .params(state, closedReason, id).update();
    }

    /**
     * Whether every entry of the case is closed, counting this transaction's own changes. Call it
     * after closing an entry. Two analysts closing a case's last two entries at once would each
     * see the other's still open and neither would close the case; a lock per case, held to commit,
     * makes the second check wait for the first transaction, so it sees both.
     */
    public boolean allClosed(UUID caseId) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))").param("assessment-case:" + caseId)
                .query((rs, n) -> 1).list();
        return jdbc.sql("select bool_and(state = 'closed') from assessment_entry where case_id = ?").param(caseId)
                .query(Boolean.class).optional().orElse(false);
    }

    static Entry map(ResultSet rs, int row) throws SQLException {
        Timestamp expires = rs.getTimestamp("lock_expires");
        return new Entry(rs.getObject("id", UUID.class), rs.getObject("case_id", UUID.class),
                rs.getObject("item_id", UUID.class), rs.getString("case_number"), rs.getString("channel"),
                SqlArrays.list(rs.getArray("forms")), rs.getString("platform"),
                rs.getString("platform_key"), null, rs.getBoolean("minor"), rs.getBoolean("urgent"),
                rs.getString("urgent_referral"), rs.getTimestamp("received_at").toInstant(), rs.getString("state"),
                rs.getString("closed_reason"), rs.getString("locked_by"), expires == null ? null : expires.toInstant());
    }
}
