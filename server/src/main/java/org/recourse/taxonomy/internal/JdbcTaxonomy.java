package org.recourse.taxonomy.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.Set;
import java.util.stream.Collectors;

import org.recourse.taxonomy.Taxonomy;
import org.recourse.taxonomy.ViolenceForm;
import org.recourse.taxonomy.ViolenceGroup;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Reads the taxonomy from the database and keeps the active forms for a few seconds: every report
 * checks its forms against them, and a short expiry means an edit made on one node is seen on
 * every node soon after without cache invalidation.
 */
@Service
class JdbcTaxonomy implements Taxonomy {

    /** What a code can look like (the table allows no other); anything else is not looked up. */
    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    private static final long FRESH_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(10);

    private record Snapshot(List<ViolenceForm> forms, Set<String> codes, long readAt) {
    }

    private final JdbcClient jdbc;
    private volatile Snapshot snapshot;

    JdbcTaxonomy(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<ViolenceForm> activeForms() {
        return current().forms();
    }

    @Override
    public boolean isActive(String code) {
        return current().codes().contains(code);
    }

    /** Drops the cached forms, so an edit on this node shows at once (other nodes: within seconds). */
    void forget() {
        snapshot = null;
    }

    private Snapshot current() {
        Snapshot held = snapshot;
        if (held == null || System.nanoTime() - held.readAt() > FRESH_NANOS) {
            List<ViolenceForm> forms = jdbc.sql("select * from violence_form where active").query(JdbcTaxonomy::map)
                    .list().stream()
                    .sorted(Comparator.comparing((ViolenceForm form) -> form.group().ordinal())
                            .thenComparingInt(ViolenceForm::sortOrder))
                    .toList();
            held = new Snapshot(forms, forms.stream().map(ViolenceForm::code).collect(Collectors.toSet()), System.nanoTime());
            snapshot = held;
        }
        return held;
    }

    @Override
    public Optional<ViolenceForm> find(String code) {
        if (code == null || !CODE.matcher(code).matches()) {
            // Not a code at all (empty, too long, control characters): no form, and no query.
            return Optional.empty();
        }
        return jdbc.sql("select * from violence_form where code = ?").param(code)
                .query(JdbcTaxonomy::map).optional();
    }

    private static ViolenceForm map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new ViolenceForm(rs.getString("code"), ViolenceGroup.fromCode(rs.getString("group_code")),
                rs.getString("label_nl"), rs.getString("label_en"), rs.getString("help_nl"),
                rs.getString("help_en"), rs.getInt("sort_order"));
    }
}
