package org.recourse.directory.internal.hosting;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The hotline's rules per domain, as in the CSAM hotline's tool: force a hoster or registrar,
 * record the real host behind a CDN, also notify the site owner, never fetch, or classify
 * directly. A rule for {@code example.com} also applies to its sub-domains; the most specific wins.
 */
@Repository
public class DomainRules {

    public record Rule(String domain, String hosterKey, String registrarKey, String siteOwnerKey, String realHostKey,
                       boolean doNotFetch, String classifyAs, String note) {
    }

    private final JdbcClient jdbc;
    private final org.recourse.audit.AuditTrail audit;

    DomainRules(JdbcClient jdbc, org.recourse.audit.AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    public Optional<Rule> forHost(String host) {
        List<String> candidates = new ArrayList<>();
        String name = host.toLowerCase(Locale.ROOT);
        while (name.contains(".")) {
            candidates.add(name);
            name = name.substring(name.indexOf('.') + 1);
        }
        candidates.add(name);
        return jdbc.sql("""
                        select domain, hoster_key, registrar_key, site_owner_key, real_host_key, do_not_fetch, classify_as, note
                        from directory_domain_rule where domain = any(?) order by length(domain) desc limit 1""")
                .param(candidates.toArray(String[]::new)).query(Rule.class).optional();
    }

    public List<Rule> all() {
        return jdbc.sql("""
                        select domain, hoster_key, registrar_key, site_owner_key, real_host_key, do_not_fetch, classify_as, note
                        from directory_domain_rule order by domain""").query(Rule.class).list();
    }

    @org.springframework.transaction.annotation.Transactional
    public void save(Rule rule, String by) {
        jdbc.sql("""
                        insert into directory_domain_rule (domain, hoster_key, registrar_key, site_owner_key, real_host_key,
                            do_not_fetch, classify_as, note, updated_at, updated_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, now(), ?)
                        on conflict (domain) do update set hoster_key = excluded.hoster_key, registrar_key = excluded.registrar_key,
                            site_owner_key = excluded.site_owner_key, real_host_key = excluded.real_host_key,
                            do_not_fetch = excluded.do_not_fetch, classify_as = excluded.classify_as, note = excluded.note,
                            updated_at = excluded.updated_at, updated_by = excluded.updated_by""")
                .params(rule.domain(), rule.hosterKey(), rule.registrarKey(), rule.siteOwnerKey(), rule.realHostKey(),
                        rule.doNotFetch(), rule.classifyAs(), rule.note(), by)
                .update();
        audit.record("directory.domain-rule-saved", "domain_rule", rule.domain(), null);
    }
}
