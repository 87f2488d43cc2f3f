package org.recourse.platform;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TimeOrderedIdsTest {

    @Test
    void areVersionSevenUuidsThatSortByCreationTime() throws InterruptedException {
        UUID first = TimeOrderedIds.next();
        Thread.sleep(2);
        UUID later = TimeOrderedIds.next();

        assertThat(first.version()).isEqualTo(7);
        assertThat(first.variant()).isEqualTo(2);
        long millis = first.getMostSignificantBits() >>> 16;
        assertThat(millis).isBetween(System.currentTimeMillis() - 10_000, System.currentTimeMillis());
        // PostgreSQL compares uuids byte by byte, unsigned: the later one sorts after.
        assertThat(later.toString()).isGreaterThan(first.toString());
    }

    @Test
    void doNotRepeat() {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            ids.add(TimeOrderedIds.next());
        }
        assertThat(new HashSet<>(ids)).hasSize(ids.size());
    }
}
