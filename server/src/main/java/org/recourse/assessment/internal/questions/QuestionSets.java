package org.recourse.assessment.internal.questions;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.recourse.assessment.internal.SqlArrays;
import org.recourse.audit.AuditTrail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Question sets and their versions. Saving a set never changes a saved version: it adds the next
 * one, so an assessment keeps pointing at exactly the questions it was answered with.
 */
@Service
public class QuestionSets {

    /** A set as listed: its newest version number. */
    public record Summary(UUID id, String name, boolean active, int latestVersion) {
    }

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    QuestionSets(JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    public List<Summary> all() {
        return jdbc.sql("""
                        select s.id, s.name, s.active, max(v.version) as latest
                        from question_set s join question_set_version v on v.set_id = s.id
                        group by s.id, s.name, s.active order by s.name""")
                .query((rs, n) -> new Summary(rs.getObject("id", UUID.class), rs.getString("name"), rs.getBoolean("active"),
                        rs.getInt("latest"))).list();
    }

    /** The newest version of every active set: what a new assessment answers. */
    public List<QuestionSetVersion> current() {
        List<UUID> ids = jdbc.sql("""
                        select distinct on (v.set_id) v.id from question_set_version v join question_set s on s.id = v.set_id
                        where s.active order by v.set_id, v.version desc""")
                .query(UUID.class).list();
        return ids.stream().map(this::load).flatMap(Optional::stream)
                .sorted(java.util.Comparator.comparing(QuestionSetVersion::name)).toList();
    }

    public Optional<QuestionSetVersion> version(UUID setId, int version) {
        return jdbc.sql("select id from question_set_version where set_id = ? and version = ?").params(setId, version)
                .query(UUID.class).optional().flatMap(this::load);
    }

    public Optional<QuestionSetVersion> latest(UUID setId) {
        return jdbc.sql("select id from question_set_version where set_id = ? order by version desc limit 1").param(setId)
                .query(UUID.class).optional().flatMap(this::load);
    }

    public List<Integer> versionNumbers(UUID setId) {
        return jdbc.sql("select version from question_set_version where set_id = ? order by version desc").param(setId)
                .query(Integer.class).list();
    }

    /** Questions by id, whatever version they belong to, for showing old answers. */
    public Map<UUID, Question> questions(List<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("select * from question where id in (:ids)").param("ids", ids).query(QuestionSets::question).list()
                .stream().collect(Collectors.toMap(Question::id, q -> q));
    }

    /** @throws NameTaken when another set already has this name */
    @Transactional
    public UUID create(String name, List<QuestionText.Draft> questions, String user) {
        UUID id = UUID.randomUUID();
        int inserted = jdbc.sql("insert into question_set (id, name, created_at) values (?, ?, ?) on conflict (name) do nothing")
                .params(id, name, Timestamp.from(clock.instant())).update();
        if (inserted == 0) {
            throw new NameTaken();
        }
        insertVersion(id, 1, questions, user);
        audit.record("question_set.created", "question_set", id.toString(), "version 1");
        return id;
    }

    /** Saves the questions as the set's next version; concurrent saves get distinct numbers or fail on the unique key. */
    @Transactional
    public int saveVersion(UUID setId, List<QuestionText.Draft> questions, String user) {
        jdbc.sql("select id from question_set where id = ? for update").param(setId).query(UUID.class).single();
        int next = jdbc.sql("select coalesce(max(version), 0) + 1 from question_set_version where set_id = ?").param(setId)
                .query(Integer.class).single();
        insertVersion(setId, next, questions, user);
        audit.record("question_set.version_saved", "question_set", setId.toString(), "version " + next);
        return next;
    }

    @Transactional
    public void setActive(UUID setId, boolean active) {
        jdbc.sql("update question_set set active = ? where id = ?").params(active, setId).update();
        audit.record(active ? "question_set.activated" : "question_set.deactivated", "question_set", setId.toString(), null);
    }

    public boolean exists(UUID setId) {
        return jdbc.sql("select exists (select 1 from question_set where id = ?)").param(setId).query(Boolean.class).single();
    }

    private void insertVersion(UUID setId, int version, List<QuestionText.Draft> questions, String user) {
        UUID versionId = UUID.randomUUID();
        jdbc.sql("insert into question_set_version (id, set_id, version, created_by, created_at) values (?, ?, ?, ?, ?)")
                .params(versionId, setId, version, user, Timestamp.from(clock.instant())).update();
        for (int i = 0; i < questions.size(); i++) {
            QuestionText.Draft q = questions.get(i);
            jdbc.sql("""
                            insert into question (id, version_id, position, kind, label, options, required)
                            values (:id, :version, :position, :kind, :label, :options::text[], :required)""")
                    .param("id", UUID.randomUUID()).param("version", versionId).param("position", i + 1)
                    .param("kind", q.kind()).param("label", q.label()).param("options", SqlArrays.literal(q.options()))
                    .param("required", q.required()).update();
        }
    }

    private Optional<QuestionSetVersion> load(UUID versionId) {
        List<Question> questions = jdbc.sql("select * from question where version_id = ? order by position").param(versionId)
                .query(QuestionSets::question).list();
        return jdbc.sql("""
                        select v.*, s.name, s.active from question_set_version v join question_set s on s.id = v.set_id
                        where v.id = ?""")
                .param(versionId)
                .query((rs, n) -> new QuestionSetVersion(versionId, rs.getObject("set_id", UUID.class), rs.getString("name"),
                        rs.getInt("version"), rs.getBoolean("active"), questions, rs.getString("created_by"),
                        rs.getTimestamp("created_at").toInstant()))
                .optional();
    }

    private static Question question(ResultSet rs, int n) throws SQLException {
        return new Question(rs.getObject("id", UUID.class), rs.getInt("position"), rs.getString("kind"), rs.getString("label"),
                SqlArrays.list(rs.getArray("options")), rs.getBoolean("required"));
    }

    /** Two sets cannot share a name. */
    public static class NameTaken extends RuntimeException {
        NameTaken() {
            super("a question set with this name exists");
        }
    }
}
