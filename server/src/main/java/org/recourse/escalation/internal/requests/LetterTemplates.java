package org.recourse.escalation.internal.requests;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.recourse.audit.AuditTrail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Letter templates per authority and language; the authority {@code ""} is the default for every authority. */
@Repository
public class LetterTemplates {

    public static final String DEFAULT = "";

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    LetterTemplates(JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** The authority's own template in that language, else the default one. */
    public LetterTemplate forAuthority(String authorityKey, String language) {
        return find(authorityKey, language).or(() -> find(DEFAULT, language)).orElseThrow();
    }

    public Optional<LetterTemplate> find(String authorityKey, String language) {
        return jdbc.sql("select authority_key, language, subject, body from escalation_template where authority_key = ? and language = ?")
                .params(authorityKey, language).query(LetterTemplate.class).optional();
    }

    public List<LetterTemplate> all() {
        return jdbc.sql("select authority_key, language, subject, body from escalation_template order by authority_key, language")
                .query(LetterTemplate.class).list();
    }

    /** Saves a template that passed {@link LetterTemplate#problems()}; audited. */
    @Transactional
    public void save(LetterTemplate template, String by) {
        if (!template.problems().isEmpty()) {
            throw new IllegalArgumentException("template incomplete");
        }
        jdbc.sql("""
                        insert into escalation_template (authority_key, language, subject, body, updated_at, updated_by)
                        values (?, ?, ?, ?, ?, ?)
                        on conflict (authority_key, language) do update set subject = excluded.subject, body = excluded.body,
                            updated_at = excluded.updated_at, updated_by = excluded.updated_by""")
                .params(template.authorityKey(), template.language(), template.subject(), template.body(),
                        Timestamp.from(clock.instant()), by)
                .update();
        audit.record("escalation.template-saved", "escalation_template",
                (template.authorityKey().isEmpty() ? "default" : template.authorityKey()) + "/" + template.language(), null);
    }
}
