package org.recourse.taxonomy.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.recourse.taxonomy.Taxonomy;
import org.recourse.taxonomy.ViolenceForm;
import org.recourse.taxonomy.ViolenceGroup;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Reads the taxonomy from the database on every call: the table is tiny, and reading it fresh
 * means an edit made on one node is seen on every node without cache invalidation.
 */
@Service
class JdbcTaxonomy implements Taxonomy {

    private final JdbcClient jdbc;

    JdbcTaxonomy(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<ViolenceForm> activeForms() {
        return jdbc.sql("select * from violence_form where active").query(JdbcTaxonomy::map).list()
                .stream()
                .sorted(Comparator.comparing((ViolenceForm form) -> form.group().ordinal())
                        .thenComparingInt(ViolenceForm::sortOrder))
                .toList();
    }

    @Override
    public Optional<ViolenceForm> find(String code) {
        return jdbc.sql("select * from violence_form where code = ?").param(code)
                .query(JdbcTaxonomy::map).optional();
    }

    private static ViolenceForm map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new ViolenceForm(rs.getString("code"), ViolenceGroup.fromCode(rs.getString("group_code")),
                rs.getString("label_nl"), rs.getString("label_en"), rs.getString("help_nl"),
                rs.getString("help_en"), rs.getInt("sort_order"));
    }
}
