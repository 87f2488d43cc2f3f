package org.recourse.takedown.internal.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

class CheckOutcomeTest {

    @Test
    void goneStatusesAreMissingOtherFailuresUnreachableAndADifferentFileIsAMismatch() {
        assertThat(CheckOutcome.of(404, "a", Set.of())).isEqualTo(CheckOutcome.MISSING);
        assertThat(CheckOutcome.of(410, "a", Set.of())).isEqualTo(CheckOutcome.MISSING);
        assertThat(CheckOutcome.of(503, "a", Set.of())).isEqualTo(CheckOutcome.UNREACHABLE);
        assertThat(CheckOutcome.of(200, "a", Set.of())).isEqualTo(CheckOutcome.ONLINE);
        assertThat(CheckOutcome.of(200, "a", Set.of("a", "b"))).isEqualTo(CheckOutcome.ONLINE);
        assertThat(CheckOutcome.of(200, "c", Set.of("a", "b"))).isEqualTo(CheckOutcome.HASH_MISMATCH);
        assertThat(CheckOutcome.HASH_MISMATCH.isMiss()).isTrue();
        assertThat(CheckOutcome.ONLINE.isMiss()).isFalse();
    }
}
