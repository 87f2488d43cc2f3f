package org.recourse.taxonomy.internal;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.recourse.audit.AuditTrail;
import org.recourse.taxonomy.TaxonomyEditor;
import org.recourse.taxonomy.ViolenceForm;
import org.recourse.taxonomy.ViolenceGroup;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** {@link TaxonomyEditor} on the {@code violence_form} table. */
@Service
class EditingTaxonomy implements TaxonomyEditor {

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final JdbcTaxonomy taxonomy;

    EditingTaxonomy(JdbcClient jdbc, AuditTrail audit, JdbcTaxonomy taxonomy) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.taxonomy = taxonomy;
    }

    @Override
    public List<ViolenceForm> all() {
        return jdbc.sql("select * from violence_form").query((rs, n) -> new ViolenceForm(rs.getString("code"),
                        ViolenceGroup.fromCode(rs.getString("group_code")), rs.getString("label_nl"), rs.getString("label_en"),
                        rs.getString("help_nl"), rs.getString("help_en"), rs.getInt("sort_order")))
                .list().stream()
                .sorted(Comparator.comparing((ViolenceForm f) -> f.group().ordinal()).thenComparingInt(ViolenceForm::sortOrder))
                .toList();
    }

    @Override
    public Set<String> retired() {
        return new HashSet<>(jdbc.sql("select code from violence_form where not active").query(String.class).list());
    }

    @Override
    @Transactional
    public boolean add(ViolenceForm form) {
        int added = jdbc.sql("""
                        insert into violence_form (code, group_code, label_nl, label_en, help_nl, help_en, sort_order)
                        values (?, ?, ?, ?, ?, ?, ?) on conflict (code) do nothing""")
                .params(form.code(), form.group().code(), form.labelNl(), form.labelEn(), form.helpNl(), form.helpEn(),
                        form.sortOrder())
                .update();
        if (added == 1) {
            audit.record("violence_form.added", "violence_form", form.code(), null);
            forgetAfterCommit();
        }
        return added == 1;
    }

    @Override
    @Transactional
    public void setActive(String code, boolean active) {
        if (jdbc.sql("update violence_form set active = ?, updated_at = now() where code = ?").params(active, code).update() == 1) {
            audit.record(active ? "violence_form.reactivated" : "violence_form.retired", "violence_form", code, null);
            forgetAfterCommit();
        }
    }

    private void forgetAfterCommit() {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                taxonomy.forget();
            }
        });
    }
}
