package org.recourse.takedown.internal.items;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.recourse.directory.Directory;
import org.recourse.directory.Hosting;
import org.recourse.directory.HostingResult;
import org.recourse.directory.Organisation;
import org.springframework.stereotype.Component;

/**
 * Who receives the notices for an item: the platform the assessment named, else the organisation
 * whose domains include the host, else the hoster found by hoster resolution — plus the site
 * owner when a domain rule says so.
 */
@Component
public class Recipients {

    /**
     * @param source      {@code platform}, {@code domain}, {@code hosting} or {@code site_owner}
     * @param usable      false for a hoster just created from RDAP that an analyst has not confirmed
     * @param fingerprint what the item was routed by, compared before every notice to detect a move
     */
    public record Recipient(String key, String source, boolean usable, String fingerprint) {
    }

    public record Routing(List<Recipient> recipients, boolean doNotFetch) {
    }

    private final Directory directory;
    private final Hosting hosting;

    Recipients(Directory directory, Hosting hosting) {
        this.directory = directory;
        this.hosting = hosting;
    }

    public Routing route(String platformKey, String url, String host) {
        if (platformKey != null && !platformKey.isBlank()) {
            Optional<Organisation> platform = directory.findByKey(platformKey);
            if (platform.isPresent()) {
                return new Routing(List.of(new Recipient(platform.get().key(), "platform", true, null)), false);
            }
        }
        Optional<Organisation> byDomain = directory.findByDomain(host);
        if (byDomain.isPresent()) {
            return new Routing(List.of(new Recipient(byDomain.get().key(), "domain", true, null)), false);
        }
        HostingResult found = hosting.resolve(url);
        List<Recipient> recipients = new ArrayList<>();
        if (found.hosterKey() != null) {
            recipients.add(new Recipient(found.hosterKey(), "hosting", found.hosterConfirmed(), found.hosterKey()));
        }
        if (found.siteOwnerKey() != null) {
            recipients.add(new Recipient(found.siteOwnerKey(), "site_owner", true, null));
        }
        return new Routing(recipients, found.doNotFetch());
    }
}
