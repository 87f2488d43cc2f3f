package org.recourse.takedown.internal.items;

import java.util.Optional;

import org.recourse.directory.Directory;
import org.recourse.directory.Organisation;
import org.springframework.stereotype.Component;

/**
 * Who receives the notice for an item: the platform the assessment named, else the organisation
 * whose domains include the host.
 */
@Component
public class Recipients {

    /** @param source {@code platform} or {@code domain}: how the recipient was found */
    public record Recipient(Organisation organisation, String source) {
    }

    private final Directory directory;

    Recipients(Directory directory) {
        this.directory = directory;
    }

    public Optional<Recipient> forItem(String platformKey, String host) {
        if (platformKey != null && !platformKey.isBlank()) {
            Optional<Organisation> platform = directory.findByKey(platformKey);
            if (platform.isPresent()) {
                return platform.map(o -> new Recipient(o, "platform"));
            }
        }
        return directory.findByDomain(host).map(o -> new Recipient(o, "domain"));
    }
}
