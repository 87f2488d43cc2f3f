package org.recourse.assessment.internal.grounds;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.recourse.audit.AuditTrail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The legal grounds reference data. Grounds are retired, never deleted: old assessments cite them. */
@Service
public class LegalGrounds {

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    LegalGrounds(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    public List<LegalGround> all() {
        return jdbc.sql("select * from legal_ground order by sort_order, code").query(LegalGrounds::map).list();
    }

    public List<LegalGround> active() {
        return jdbc.sql("select * from legal_ground where active order by sort_order, code").query(LegalGrounds::map).list();
    }

    public Optional<LegalGround> find(String code) {
        return jdbc.sql("select * from legal_ground where code = ?").param(code).query(LegalGrounds::map).optional();
    }

    /** Citations of the given codes, in reference-data order. */
    public List<String> citations(List<String> codes) {
        if (codes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select citation from legal_ground where code in (:codes) order by sort_order, code")
                .param("codes", codes).query(String.class).list();
    }

    /** @return false when the code is taken */
    @Transactional
    public boolean add(LegalGround ground) {
        int added = jdbc.sql("""
                        insert into legal_ground (code, citation, label_nl, label_en, law, sort_order)
                        values (?, ?, ?, ?, ?, ?) on conflict (code) do nothing""")
                .params(ground.code(), ground.citation(), ground.labelNl(), ground.labelEn(), ground.law(), ground.sortOrder())
                .update();
        if (added == 1) {
            audit.record("legal_ground.added", "legal_ground", ground.code(), null);
        }
        return added == 1;
    }

    @Transactional
    public void update(LegalGround ground) {
        jdbc.sql("""
                        update legal_ground set citation = ?, label_nl = ?, label_en = ?, law = ?, sort_order = ?, active = ?,
                            updated_at = now() where code = ?""")
                .params(ground.citation(), ground.labelNl(), ground.labelEn(), ground.law(), ground.sortOrder(), ground.active(),
                        ground.code())
                .update();
        audit.record("legal_ground.updated", "legal_ground", ground.code(), ground.active() ? "active" : "retired");
    }

    private static LegalGround map(ResultSet rs, int n) throws SQLException {
        return new LegalGround(rs.getString("code"), rs.getString("citation"), rs.getString("label_nl"),
                rs.getString("label_en"), rs.getString("law"), rs.getInt("sort_order"), rs.getBoolean("active"));
    }
}
