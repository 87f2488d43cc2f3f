package org.recourse.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.recourse.RecourseTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The database counters behind sign-in and form limits, per address. */
@RecourseTest
class ThrottleTest {

    @Autowired
    Throttle throttle;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anAddressIsBlockedAtTheLimitAndOnlyItsHashIsStored() {
        String address = "198.51.100." + (UUID.randomUUID().hashCode() & 0xff);
        String subject = throttle.addressSubject(address) + UUID.randomUUID();
        for (int i = 1; i < 3; i++) {
            assertThat(throttle.hit(Throttle.SIGN_IN_ADDRESS, subject, 3, Duration.ofMinutes(15), Duration.ofMinutes(15)))
                    .isEqualTo(i);
            assertThat(throttle.blocked(Throttle.SIGN_IN_ADDRESS, subject)).isFalse();
        }
        throttle.hit(Throttle.SIGN_IN_ADDRESS, subject, 3, Duration.ofMinutes(15), Duration.ofMinutes(15));
        assertThat(throttle.blocked(Throttle.SIGN_IN_ADDRESS, subject)).isTrue();
        assertThat(throttle.addressSubject(address)).isEqualTo(throttle.addressSubject(address)).doesNotContain(address);
        assertThat(jdbc.sql("select count(*) from throttle where subject like ?").param("%" + address + "%")
                .query(Integer.class).single()).isZero();
    }

    @Test
    void aWindowThatHasPassedStartsCountingAgain() {
        String subject = "form-" + UUID.randomUUID();
        throttle.hit(Throttle.FORM_ADDRESS, subject, 100, Duration.ofHours(1), Duration.ofHours(1));
        jdbc.sql("update throttle set window_started = now() - interval '2 hours' where subject = ?").param(subject).update();
        assertThat(throttle.hit(Throttle.FORM_ADDRESS, subject, 100, Duration.ofHours(1), Duration.ofHours(1))).isEqualTo(1);
    }

    @Test
    void anIpv6ClientCountsAsItsSlash64SoItCannotHopBetweenAddresses() {
        String one = throttle.addressSubject("2001:db8:1:2:aaaa::1");
        assertThat(throttle.addressSubject("2001:db8:1:2:ffff:ffff:ffff:fffe")).as("same /64").isEqualTo(one);
        assertThat(throttle.addressSubject("2001:0db8:0001:0002:0:0:0:9")).as("written out").isEqualTo(one);
        assertThat(throttle.addressSubject("2001:db8:1:3::1")).as("another /64").isNotEqualTo(one);
        assertThat(throttle.addressSubject("::ffff:198.51.100.7")).as("an IPv4 client behind IPv6")
                .isEqualTo(throttle.addressSubject("198.51.100.7"));
        assertThat(throttle.addressSubject("198.51.100.7")).isNotEqualTo(throttle.addressSubject("198.51.100.8"));
        assertThat(throttle.addressSubject("name:someone")).isNotEqualTo(throttle.addressSubject("name:someone else"));
    }
}
