package org.recourse.pdq.index;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.recourse.pdq.Hash256;

/** The obviously correct search the index must agree with. */
final class BruteForce {

    private final List<Long> ids = new ArrayList<>();
    private final List<Hash256> hashes = new ArrayList<>();

    void add(long id, Hash256 hash) {
        ids.add(id);
        hashes.add(hash);
    }

    void remove(long id) {
        for (int i = ids.size() - 1; i >= 0; i--) {
            if (ids.get(i) == id) {
                ids.remove(i);
                hashes.remove(i);
            }
        }
    }

    int count(long id) {
        return (int) ids.stream().filter(stored -> stored == id).count();
    }

    List<Match> search(Hash256 query, int maxDistance) {
        List<Match> matches = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            int distance = hashes.get(i).distance(query);
            if (distance <= maxDistance) {
                matches.add(new Match(ids.get(i), distance));
            }
        }
        matches.sort(Comparator.comparingInt(Match::distance).thenComparingLong(Match::id));
        return matches;
    }
}
