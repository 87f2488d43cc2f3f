package org.recourse.platform;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counters in the database, so every node sees the same count — the one throttle every module
 * uses: failed status-page sign-ins per case and address, report submissions per address, staff
 * sign-ins per address and in total. Client addresses are turned into keyed hashes before they are
 * stored; the key lives in the database and is the same on every node.
 */
@Component
public class Throttle {

    public static final String SIGN_IN_CASE_ADDRESS = "sign_in_case_address";
    public static final String SIGN_IN_ADDRESS = "sign_in_address";
    public static final String FORM_ADDRESS = "form_address";
    public static final String STAFF_SIGN_IN_ADDRESS = "staff_sign_in_address";
    public static final String STAFF_SIGN_IN_ALL = "staff_sign_in_all";
    public static final String STAFF_SIGN_IN_NAME_ADDRESS = "staff_sign_in_name_address";

    private final JdbcClient jdbc;
    private final Clock clock;
    private volatile SecretKeySpec addressKey;

    Throttle(JdbcClient jdbc, ObjectProvider<Clock> clock) {
        this.jdbc = jdbc;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** Whether the subject is blocked now. */
    public boolean blocked(String kind, String subject) {
        return blockedUntil(kind, subject).isPresent();
    }

    /** Until when the subject is blocked, if it is now. */
    public java.util.Optional<Instant> blockedUntil(String kind, String subject) {
        Timestamp until = jdbc.sql("select blocked_until from throttle where kind = ? and subject = ?")
                .params(kind, subject).query(Timestamp.class).optional().orElse(null);
        return until != null && until.toInstant().isAfter(clock.instant()) ? java.util.Optional.of(until.toInstant())
                : java.util.Optional.empty();
    }

    /**
     * Counts one hit; from the {@code max}-th hit within {@code memory} on, each further hit blocks
     * the subject for twice as long as the one before — {@code firstBlock}, then 2×, 4×, … up to
     * {@code longestBlock}. Whoever keeps guessing waits longer and longer; whoever stops is
     * forgotten after {@code memory}.
     *
     * @return until when the subject is now blocked, if it is
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public java.util.Optional<Instant> hitGrowing(String kind, String subject, int max, Duration memory, Duration firstBlock,
                                                  Duration longestBlock) {
        Instant now = clock.instant();
        int hits = jdbc.sql("""
                insert into throttle (kind, subject, hits, window_started, blocked_until)
                values (:kind, :subject, 1, :now, null)
                on conflict (kind, subject) do update set
                    hits = case when throttle.window_started < :forgetBefore then 1 else throttle.hits + 1 end,
                    window_started = case when throttle.window_started < :forgetBefore then :now
                                          else throttle.window_started end
                returning hits
                """)
                .param("kind", kind).param("subject", subject).param("now", Timestamp.from(now))
                .param("forgetBefore", Timestamp.from(now.minus(memory)))
                .query(Integer.class).single();
        if (hits < max) {
            return java.util.Optional.empty();
        }
        long seconds = Math.min(longestBlock.toSeconds(), firstBlock.toSeconds() << Math.min(hits - max, 30));
        Instant until = now.plusSeconds(seconds);
        jdbc.sql("update throttle set blocked_until = ? where kind = ? and subject = ?")
                .params(Timestamp.from(until), kind, subject).update();
        return java.util.Optional.of(until);
    }

    /**
     * Counts one hit in the current window; at {@code max} hits the subject is blocked for
     * {@code blockFor}. Committed on its own, so a failed sign-in counts even if the caller's work
     * rolls back.
     *
     * @return the hits in the current window, this one included
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public int hit(String kind, String subject, int max, Duration window, Duration blockFor) {
        Instant now = clock.instant();
        return jdbc.sql("""
                insert into throttle (kind, subject, hits, window_started, blocked_until)
                values (:kind, :subject, 1, :now, case when 1 >= :max then cast(:blockedUntil as timestamptz) end)
                on conflict (kind, subject) do update set
                    hits = case when throttle.window_started < :windowStart then 1 else throttle.hits + 1 end,
                    window_started = case when throttle.window_started < :windowStart then :now
                                          else throttle.window_started end,
                    blocked_until = case
                        when (case when throttle.window_started < :windowStart then 1
                                   else throttle.hits + 1 end) >= :max then cast(:blockedUntil as timestamptz)
                        else throttle.blocked_until end
                returning hits
                """)
                .param("kind", kind).param("subject", subject).param("now", Timestamp.from(now)).param("max", max)
                .param("blockedUntil", Timestamp.from(now.plus(blockFor)))
                .param("windowStart", Timestamp.from(now.minus(window)))
                .query(Integer.class).single();
    }

    /** Forgets counts not touched since {@code before} that block nobody now (housekeeping). */
    public int forget(Instant before) {
        return jdbc.sql("delete from throttle where window_started < ? and (blocked_until is null or blocked_until < ?)")
                .params(Timestamp.from(before), Timestamp.from(clock.instant())).update();
    }

    /** Forgets the count, e.g. after a successful sign-in to a case. */
    public void clear(String kind, String subject) {
        jdbc.sql("delete from throttle where kind = ? and subject = ?").params(kind, subject).update();
    }

    /** Forgets every count of this kind whose subject starts with {@code prefix}. */
    public void clearStartingWith(String kind, String prefix) {
        jdbc.sql("delete from throttle where kind = ? and starts_with(subject, ?)").params(kind, prefix).update();
    }

    /**
     * A keyed hash of a client address: counts can be kept without storing who the client is. An
     * IPv6 client counts as its /64 network: one subscriber usually holds a whole /64 or more, so
     * counting single IPv6 addresses would let one client try without limit.
     */
    public String addressSubject(String address) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key());
            return HexFormat.of().formatHex(mac.doFinal(client(address).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final java.util.regex.Pattern IPV6_LITERAL = java.util.regex.Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    /** What is counted for an address: an IPv6 address's /64 network, anything else as it is. */
    static String client(String address) {
        if (address != null && IPV6_LITERAL.matcher(address).matches()) {
            try {
                byte[] bytes = java.net.InetAddress.getByName(address).getAddress(); // a literal: no look-up
                return bytes.length == 16 ? "ipv6/64 " + HexFormat.of().formatHex(bytes, 0, 8)
                        : java.net.InetAddress.getByAddress(bytes).getHostAddress();
            } catch (java.net.UnknownHostException notAnAddress) {
                return address;
            }
        }
        return String.valueOf(address);
    }

    private SecretKeySpec key() {
        SecretKeySpec key = addressKey;
        if (key == null) {
            String stored = jdbc.sql("select key from throttle_address_key where id = 1").query(String.class).single();
            key = new SecretKeySpec(stored.getBytes(StandardCharsets.US_ASCII), "HmacSHA256");
            addressKey = key;
        }
        return key;
    }
}
