package org.recourse.directory.internal;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.recourse.directory.Directory;
import org.recourse.directory.Organisation;
import org.springframework.stereotype.Service;

@Service
class JdbcDirectory implements Directory {

    private final OrganisationRepository organisations;

    JdbcDirectory(OrganisationRepository organisations) {
        this.organisations = organisations;
    }

    @Override
    public Optional<Organisation> find(UUID id) {
        return organisations.findById(id);
    }

    @Override
    public Optional<Organisation> findByKey(String key) {
        return organisations.findByKey(key);
    }

    @Override
    public Optional<Organisation> findByName(String name) {
        return name == null || name.isBlank() ? Optional.empty() : organisations.findByName(name);
    }

    @Override
    public Optional<Organisation> findByDomain(String host) {
        List<String> candidates = parentDomains(host);
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        // The most specific listed domain wins: "sites.google.com" over "google.com" if both are listed.
        return organisations.withAnyDomain(candidates).stream()
                .max(Comparator.comparingInt(org -> longestMatch(org, candidates)));
    }

    @Override
    public List<Organisation> all() {
        return organisations.search("");
    }

    /** {@code www.instagram.com} → [www.instagram.com, instagram.com]; accepts a URL as well. */
    static List<String> parentDomains(String hostOrUrl) {
        if (hostOrUrl == null || hostOrUrl.isBlank()) {
            return List.of();
        }
        String host = hostOrUrl.trim().toLowerCase(Locale.ROOT);
        if (host.contains("://")) {
            try {
                host = URI.create(host).getHost();
            } catch (IllegalArgumentException e) {
                return List.of();
            }
            if (host == null) {
                return List.of();
            }
        }
        host = host.replaceFirst(":\\d+$", "").replaceFirst("\\.$", "");
        List<String> domains = new ArrayList<>();
        String[] labels = host.split("\\.");
        for (int i = 0; i < labels.length - 1; i++) {
            domains.add(String.join(".", java.util.Arrays.copyOfRange(labels, i, labels.length)));
        }
        return domains;
    }

    private static int longestMatch(Organisation organisation, List<String> candidates) {
        return organisation.domains().stream().filter(candidates::contains).mapToInt(String::length).max().orElse(0);
    }
}
