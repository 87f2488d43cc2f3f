package org.recourse.takedown.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

class BlockedDaysTest {

    @Test
    void datesAndWeekdaysBlockSending() {
        TakedownSettings.Notices notices = new TakedownSettings.Notices(Duration.ofHours(1), Duration.ofHours(24),
                List.of("2026-12-25", " sunday ", ""), ZoneId.of("Europe/Amsterdam"), Duration.ofSeconds(10));
        assertThat(notices.blocked(LocalDate.of(2026, 12, 25))).isTrue();
        assertThat(notices.blocked(LocalDate.of(2026, 11, 22))).isTrue();
        assertThat(notices.blocked(LocalDate.of(2026, 11, 23))).isFalse();
    }
}
