package org.recourse.matching.internal.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.recourse.matching.Signal;
import org.recourse.matching.SignalType;
import org.recourse.matching.internal.MatchingSettings;
import org.recourse.matching.internal.bank.Bank;
import org.recourse.support.MutableClock;
import org.springframework.boot.health.contributor.Status;

/** The index on its own: readiness, staleness by the clock, per-bank thresholds, removal by entry id. */
class MatchIndexTest {

    private final MutableClock clock = new MutableClock();
    private final MatchIndex index = new MatchIndex(clock, new MatchingSettings(
            new MatchingSettings.Index(Duration.ofSeconds(1), Duration.ofSeconds(5)), new MatchingSettings.Api(100, 1000, 1000)));
    private final MatchIndexHealth health = new MatchIndexHealth(index);

    private static final String HASH = "f".repeat(16) + "0".repeat(16) + "a5".repeat(16);

    private static Signal pdq(String hex) {
        return new Signal(SignalType.PDQ, hex);
    }

    private static String flip(String hex, int bits) {
        byte[] bytes = java.util.HexFormat.of().parseHex(hex);
        for (int i = 0; i < bits; i++) {
            bytes[31 - i / 8] ^= (byte) (1 << (i % 8));
        }
        return java.util.HexFormat.of().formatHex(bytes);
    }

    @Test
    void untilItIsBuiltItIsOutOfServiceAndThenStaleWhenItStopsCatchingUp() {
        assertThat(health.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        assertThat(index.status().ready()).isFalse();

        index.synced(clock.instant());
        index.markReady();
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);

        clock.advance(Duration.ofSeconds(4));
        assertThat(index.status().stale()).isFalse();
        clock.advance(Duration.ofSeconds(2));
        assertThat(index.status().stale()).isTrue();
        assertThat(health.health().getStatus().getCode()).isEqualTo("DEGRADED");

        index.synced(clock.instant());
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void eachBankMatchesWithinItsOwnThresholdAndOnlyEnabledBanksWhenAsked() {
        BankIndex strict = index.bank(new Bank(UUID.randomUUID(), "STRICT", null, 10, true));
        BankIndex off = index.bank(new Bank(UUID.randomUUID(), "OFF", null, 31, false));
        strict.add(1, SignalType.PDQ, HASH);
        off.add(2, SignalType.PDQ, HASH);
        strict.add(3, SignalType.MD5, "ab".repeat(16));

        assertThat(index.lookup(pdq(flip(HASH, 20)), null, false)).containsExactly(new MatchIndex.Hit("OFF", 2, 20));
        assertThat(index.lookup(pdq(flip(HASH, 10)), null, false))
                .containsExactly(new MatchIndex.Hit("STRICT", 1, 10), new MatchIndex.Hit("OFF", 2, 10));
        assertThat(index.lookup(pdq(flip(HASH, 10)), null, true)).containsExactly(new MatchIndex.Hit("STRICT", 1, 10));
        assertThat(index.lookup(pdq(HASH), java.util.Set.of("STRICT"), false)).containsExactly(new MatchIndex.Hit("STRICT", 1, 0));
        assertThat(index.lookup(new Signal(SignalType.MD5, "ab".repeat(16)), null, false))
                .containsExactly(new MatchIndex.Hit("STRICT", 3, 0));

        strict.remove(1, SignalType.PDQ);
        strict.remove(3, SignalType.MD5);
        assertThat(index.lookup(pdq(HASH), java.util.Set.of("STRICT"), false)).isEmpty();
        assertThat(index.lookup(new Signal(SignalType.MD5, "ab".repeat(16)), null, false)).isEmpty();
        assertThat(index.status().sizes()).containsEntry(SignalType.PDQ, 1).containsEntry(SignalType.MD5, 0);
    }
}
