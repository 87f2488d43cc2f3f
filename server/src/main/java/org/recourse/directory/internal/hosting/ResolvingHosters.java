package org.recourse.directory.internal.hosting;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.recourse.directory.Hosting;
import org.recourse.directory.HostingResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * URL → domain rule → DNS → CDN check → RDAP network holder (the hoster) and RDAP registrar.
 * A domain rule's forced hoster wins; behind a CDN the real host recorded in a rule is used,
 * else the CDN itself is the hoster (it can forward the notice or reveal the origin).
 */
@Service
class ResolvingHosters implements Hosting {

    private final DnsLookup dns;
    private final RdapBootstrap bootstrap;
    private final RdapClient rdap;
    private final DomainRules rules;
    private final UnknownContacts contacts;
    private final JdbcClient jdbc;
    private final CdnRanges cdns = CdnRanges.shipped();

    ResolvingHosters(DnsLookup dns, RdapBootstrap bootstrap, RdapClient rdap, DomainRules rules, UnknownContacts contacts,
                     JdbcClient jdbc) {
        this.dns = dns;
        this.bootstrap = bootstrap;
        this.rdap = rdap;
        this.rules = rules;
        this.contacts = contacts;
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public HostingResult resolve(String url) {
        String host = hostOf(url);
        List<String> problems = new ArrayList<>();
        Optional<DomainRules.Rule> rule = rules.forHost(host);
        DnsLookup.Answer answer = dns.lookup(host);
        if (answer.addresses().isEmpty()) {
            problems.add("DNS has no address for " + host);
        }
        String cdn = null;
        String hoster = rule.map(DomainRules.Rule::hosterKey).orElse(null);
        for (String address : answer.addresses()) {
            try {
                InetAddress parsed = AddressRange.literal(address);
                cdn = cdn != null ? cdn : cdns.cdnOf(parsed).orElse(null);
                if (hoster == null && cdn != null && rule.map(DomainRules.Rule::realHostKey).isPresent()) {
                    hoster = rule.get().realHostKey();
                }
                if (hoster == null) {
                    hoster = networkHolder(parsed, address, problems);
                }
            } catch (UnknownHostException e) {
                problems.add("not an address: " + address);
            }
        }
        String registrar = rule.map(DomainRules.Rule::registrarKey).orElseGet(() -> registrar(registeredDomain(host), problems));
        return new HostingResult(host, answer.aliases(), answer.addresses(), cdn, hoster,
                hoster != null && !confirmed(Set.of(hoster)).isEmpty(), registrar,
                rule.map(DomainRules.Rule::siteOwnerKey).orElse(null), rule.map(DomainRules.Rule::doNotFetch).orElse(false),
                rule.map(DomainRules.Rule::classifyAs).orElse(null), problems);
    }

    @Override
    public Set<String> confirmed(Collection<String> keys) {
        return new HashSet<>(jdbc.sql("select key from directory_organisation where key = any(?) and confirmed")
                .param(keys.toArray(String[]::new)).query(String.class).list());
    }

    private String networkHolder(InetAddress parsed, String address, List<String> problems) {
        Optional<String> server = bootstrap.forAddress(parsed);
        if (server.isEmpty()) {
            problems.add("no RDAP server for " + address);
            return null;
        }
        try {
            return rdap.network(server.get(), address).filter(h -> h.name() != null)
                    .map(h -> contacts.keyFor(h, "hoster", server.get())).orElse(null);
        } catch (Exception e) {
            problems.add("RDAP lookup of " + address + " failed (" + e.getClass().getSimpleName() + ")");
            return null;
        }
    }

    private String registrar(String domain, List<String> problems) {
        Optional<String> server = bootstrap.forDomain(domain);
        if (server.isEmpty()) {
            problems.add("no RDAP server for the domain " + domain);
            return null;
        }
        try {
            return rdap.registrar(server.get(), domain).filter(h -> h.name() != null)
                    .map(h -> contacts.keyFor(h, "registrar", server.get())).orElse(null);
        } catch (Exception e) {
            problems.add("RDAP lookup of " + domain + " failed (" + e.getClass().getSimpleName() + ")");
            return null;
        }
    }

    static String hostOf(String url) {
        String host = URI.create(url.strip()).getHost();
        if (host == null) {
            throw new IllegalArgumentException("no host in URL");
        }
        return host.toLowerCase(Locale.ROOT);
    }

    /** The registered domain: the last two labels ({@code www.example.nl} → {@code example.nl}). */
    static String registeredDomain(String host) {
        String[] labels = host.split("\\.");
        return labels.length <= 2 ? host : labels[labels.length - 2] + "." + labels[labels.length - 1];
    }
}
