package org.recourse.matching.internal.bank;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.recourse.audit.AuditTrail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The banks, read and created. */
@Repository
public class Banks {

    /** What a bank may be called: capitals, digits and underscores, as HMA's bank names. */
    public static final Pattern NAME = Pattern.compile("[A-Z][A-Z0-9_]{1,62}");

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    Banks(JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    public List<Bank> all() {
        return jdbc.sql("select * from match_bank order by name").query(Banks::bank).list();
    }

    public Optional<Bank> byName(String name) {
        return jdbc.sql("select * from match_bank where name = ?").param(name).query(Banks::bank).optional();
    }

    /** The bank of that name, created with the default threshold if it does not exist yet. */
    @Transactional
    public Bank findOrCreate(String name, String description) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("bank name");
        }
        int created = jdbc.sql("""
                        insert into match_bank (id, name, description, created_at) values (?, ?, ?, ?)
                        on conflict (name) do nothing""")
                .params(UUID.randomUUID(), name, description, Timestamp.from(clock.instant())).update();
        Bank bank = byName(name).orElseThrow();
        if (created == 1) {
            audit.record("match-bank.created", "match_bank", bank.id().toString(), "name=" + name);
        }
        return bank;
    }

    private static Bank bank(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Bank(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("description"),
                rs.getInt("pdq_threshold"), rs.getBoolean("matching_enabled"));
    }
}
