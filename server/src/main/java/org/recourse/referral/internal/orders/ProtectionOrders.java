package org.recourse.referral.internal.orders;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Protection orders and the possible breaches found against them. */
@Repository
class ProtectionOrders {

    /** A report that named an account an order binds. */
    record Breach(UUID id, UUID orderId, UUID orderCaseId, OrderKind kind, UUID caseId, String account, Instant foundAt,
                  Instant handledAt, String handledBy) {
    }

    private final JdbcClient jdbc;

    ProtectionOrders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(ProtectionOrder o) {
        jdbc.sql("""
                        insert into referral_protection_order (id, case_id, kind, issued_by, starts_on, ends_on, bound_names, bound_accounts,
                            recorded_by, recorded_at)
                        values (?, ?, ?, ?, ?, ?, ?::text[], ?::text[], ?, ?)""")
                .params(o.id(), o.caseId(), o.kind().code(), o.issuedBy(), Date.valueOf(o.startsOn()),
                        o.endsOn() == null ? null : Date.valueOf(o.endsOn()), o.boundNames().toArray(String[]::new),
                        o.boundAccounts().toArray(String[]::new), o.recordedBy(), Timestamp.from(o.recordedAt()))
                .update();
    }

    Optional<ProtectionOrder> find(UUID id) {
        return jdbc.sql("select * from referral_protection_order where id = ?").param(id).query(ProtectionOrders::map).optional();
    }

    List<ProtectionOrder> forCase(UUID caseId) {
        return jdbc.sql("select * from referral_protection_order where case_id = ? order by starts_on, recorded_at").param(caseId)
                .query(ProtectionOrders::map).list();
    }

    /** Whether any order with accounts runs on or after {@code day} (ends then or later, or never). */
    boolean anyRunningSince(LocalDate day) {
        return Boolean.TRUE.equals(jdbc.sql("""
                        select exists (select 1 from referral_protection_order
                                       where cardinality(bound_accounts) > 0 and (ends_on is null or ends_on >= ?))""")
                .param(Date.valueOf(day)).query(Boolean.class).single());
    }

    /** Orders of other cases that run on {@code day} and bind one of {@code accounts}. */
    List<ProtectionOrder> binding(Collection<String> accounts, LocalDate day, UUID exceptCase) {
        return jdbc.sql("""
                        select * from referral_protection_order
                        where bound_accounts && ?::text[] and starts_on <= ? and (ends_on is null or ends_on >= ?) and case_id <> ?""")
                .params(accounts.toArray(String[]::new), Date.valueOf(day), Date.valueOf(day), exceptCase)
                .query(ProtectionOrders::map).list();
    }

    /** Records a possible breach once per order and reporting case; false when it was already recorded. */
    boolean breach(UUID id, UUID orderId, UUID caseId, String account, Instant at) {
        return jdbc.sql("""
                        insert into referral_order_breach (id, order_id, case_id, account, found_at) values (?, ?, ?, ?, ?)
                        on conflict (order_id, case_id) do nothing""")
                .params(id, orderId, caseId, account, Timestamp.from(at)).update() == 1;
    }

    List<Breach> openBreaches(int limit) {
        return jdbc.sql(BREACHES + " where b.handled_at is null order by b.found_at limit ?").param(limit).query(ProtectionOrders::breach).list();
    }

    /** Breaches against the case's orders and breaches the case's reports are. */
    List<Breach> breachesOf(UUID caseId) {
        return jdbc.sql(BREACHES + " where o.case_id = ? or b.case_id = ? order by b.found_at").params(caseId, caseId)
                .query(ProtectionOrders::breach).list();
    }

    Optional<Breach> findBreach(UUID id) {
        return jdbc.sql(BREACHES + " where b.id = ?").param(id).query(ProtectionOrders::breach).optional();
    }

    boolean breachHandled(UUID id, String by, Instant at) {
        return jdbc.sql("update referral_order_breach set handled_at = ?, handled_by = ? where id = ? and handled_at is null")
                .params(Timestamp.from(at), by, id).update() == 1;
    }

    /** Orders ending by {@code until} (or ended) whose check-in with the victim has not been recorded. */
    List<ProtectionOrder> endingWithoutCheckIn(LocalDate until, int limit) {
        return jdbc.sql("""
                        select * from referral_protection_order where ends_on is not null and ends_on <= ? and checked_in_at is null
                        order by ends_on limit ?""")
                .params(Date.valueOf(until), limit).query(ProtectionOrders::map).list();
    }

    boolean checkedIn(UUID id, String by, Instant at) {
        return jdbc.sql("update referral_protection_order set checked_in_at = ?, checked_in_by = ? where id = ? and checked_in_at is null")
                .params(Timestamp.from(at), by, id).update() == 1;
    }

    private static final String BREACHES = """
            select b.*, o.case_id as order_case_id, o.kind from referral_order_breach b
            join referral_protection_order o on o.id = b.order_id""";

    private static Breach breach(ResultSet rs, int row) throws SQLException {
        Timestamp handled = rs.getTimestamp("handled_at");
        return new Breach(rs.getObject("id", UUID.class), rs.getObject("order_id", UUID.class), rs.getObject("order_case_id", UUID.class),
                kind(rs.getString("kind")), rs.getObject("case_id", UUID.class), rs.getString("account"),
                rs.getTimestamp("found_at").toInstant(), handled == null ? null : handled.toInstant(), rs.getString("handled_by"));
    }

    private static OrderKind kind(String code) {
        return OrderKind.valueOf(code.toUpperCase(java.util.Locale.ROOT));
    }

    private static ProtectionOrder map(ResultSet rs, int row) throws SQLException {
        Date ends = rs.getDate("ends_on");
        Timestamp checkedIn = rs.getTimestamp("checked_in_at");
        return new ProtectionOrder(rs.getObject("id", UUID.class), rs.getObject("case_id", UUID.class), kind(rs.getString("kind")),
                rs.getString("issued_by"), rs.getDate("starts_on").toLocalDate(), ends == null ? null : ends.toLocalDate(),
                Arrays.asList((String[]) rs.getArray("bound_names").getArray()),
                Arrays.asList((String[]) rs.getArray("bound_accounts").getArray()), rs.getString("recorded_by"),
                rs.getTimestamp("recorded_at").toInstant(), checkedIn == null ? null : checkedIn.toInstant());
    }
}
