package org.recourse.assessment.internal.assessing;

import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.recourse.assessment.internal.SqlArrays;
import org.recourse.routing.LegalStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Assessments and their answers; written once, never changed. */
@Repository
public class Assessments {

    private final JdbcClient jdbc;

    Assessments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Assessment a) {
        jdbc.sql("""
                        insert into assessment (id, entry_id, case_id, legal_status, forms, legal_grounds, substantiation,
                            threat_to_life, assessed_by, assessed_at)
                        values (:id, :entry, :case, :status, :forms::text[], :grounds::text[], :substantiation, :threat, :by, :at)""")
                .param("id", a.id()).param("entry", a.entryId()).param("case", a.caseId())
                .param("status", a.legalStatus().name()).param("forms", SqlArrays.literal(a.forms()))
                .param("grounds", SqlArrays.literal(a.legalGrounds())).param("substantiation", a.substantiation())
                .param("threat", a.threatToLife()).param("by", a.assessedBy()).param("at", Timestamp.from(a.assessedAt()))
                .update();
        a.answers().forEach((question, answer) -> jdbc.sql("""
                        insert into assessment_answer (assessment_id, question_id, answer) values (?, ?, ?::text[])""")
                .params(a.id(), question, SqlArrays.literal(answer)).update());
    }

    public Optional<Assessment> forEntry(UUID entryId) {
        return jdbc.sql("select id from assessment where entry_id = ?").param(entryId).query(UUID.class).optional()
                .flatMap(this::find);
    }

    /** The case's assessments, oldest first, without their answers (the entry page shows those). */
    public List<Assessment> forCase(UUID caseId) {
        return jdbc.sql("select * from assessment where case_id = ? order by assessed_at, id").param(caseId)
                .query((rs, n) -> new Assessment(rs.getObject("id", UUID.class), rs.getObject("entry_id", UUID.class),
                        caseId, LegalStatus.valueOf(rs.getString("legal_status")), SqlArrays.list(rs.getArray("forms")),
                        SqlArrays.list(rs.getArray("legal_grounds")), rs.getString("substantiation"),
                        rs.getBoolean("threat_to_life"), rs.getString("assessed_by"), rs.getTimestamp("assessed_at").toInstant(),
                        Map.of()))
                .list();
    }

    public Optional<Assessment> find(UUID id) {
        Map<UUID, List<String>> answers = new LinkedHashMap<>();
        jdbc.sql("select question_id, answer from assessment_answer where assessment_id = ?").param(id)
                .query(rs -> {
                    answers.put(rs.getObject("question_id", UUID.class), SqlArrays.list(rs.getArray("answer")));
                });
        return jdbc.sql("select * from assessment where id = ?").param(id)
                .query((rs, n) -> new Assessment(id, rs.getObject("entry_id", UUID.class), rs.getObject("case_id", UUID.class),
                        LegalStatus.valueOf(rs.getString("legal_status")), SqlArrays.list(rs.getArray("forms")),
                        SqlArrays.list(rs.getArray("legal_grounds")), rs.getString("substantiation"),
                        rs.getBoolean("threat_to_life"), rs.getString("assessed_by"), rs.getTimestamp("assessed_at").toInstant(),
                        Map.copyOf(answers)))
                .optional();
    }
}
