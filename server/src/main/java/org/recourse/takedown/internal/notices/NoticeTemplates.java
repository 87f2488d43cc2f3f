package org.recourse.takedown.internal.notices;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.recourse.audit.AuditTrail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Notice templates per recipient and language; the recipient {@code ""} is the default for everyone. */
@Repository
public class NoticeTemplates {

    public static final String DEFAULT = "";

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    NoticeTemplates(JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** The recipient's own template in that language, else the default one. */
    public NoticeTemplate forRecipient(String recipientKey, String language) {
        return find(recipientKey, language).or(() -> find(DEFAULT, language)).orElseThrow();
    }

    public Optional<NoticeTemplate> find(String recipientKey, String language) {
        return jdbc.sql("select recipient_key, language, subject, body from takedown_template where recipient_key = ? and language = ?")
                .params(recipientKey, language).query(NoticeTemplate.class).optional();
    }

    public List<NoticeTemplate> all() {
        return jdbc.sql("select recipient_key, language, subject, body from takedown_template order by recipient_key, language")
                .query(NoticeTemplate.class).list();
    }

    /** Saves a template that passed {@link NoticeTemplate#problems()}; audited. */
    @Transactional
    public void save(NoticeTemplate template, String by) {
        if (!template.problems().isEmpty()) {
            throw new IllegalArgumentException("template incomplete");
        }
        jdbc.sql("""
                        insert into takedown_template (recipient_key, language, subject, body, updated_at, updated_by)
                        values (?, ?, ?, ?, ?, ?)
                        on conflict (recipient_key, language) do update set subject = excluded.subject, body = excluded.body,
                            updated_at = excluded.updated_at, updated_by = excluded.updated_by""")
                .params(template.recipientKey(), template.language(), template.subject(), template.body(),
                        Timestamp.from(clock.instant()), by)
                .update();
        audit.record("takedown.template-saved", "takedown_template",
                (template.recipientKey().isEmpty() ? "default" : template.recipientKey()) + "/" + template.language(), null);
    }
}
