package org.recourse.takedown.internal.items;

import java.util.Objects;
import java.util.Optional;

import org.recourse.directory.Hosting;
import org.recourse.directory.HostingResult;
import org.recourse.takedown.internal.notices.HosterCheck;
import org.springframework.stereotype.Component;

/** Re-resolves items routed by hoster resolution; a different hoster (or none) means the item moved. */
@Component
class ResolvedHosterCheck implements HosterCheck {

    private final Hosting hosting;

    ResolvedHosterCheck(Hosting hosting) {
        this.hosting = hosting;
    }

    @Override
    public Optional<String> moved(String recipientSource, String url, String hosterFingerprint) {
        if (!"hosting".equals(recipientSource)) {
            return Optional.empty();
        }
        HostingResult now = hosting.resolve(url);
        return Objects.equals(now.hosterKey(), hosterFingerprint) ? Optional.empty()
                : Optional.of("hoster changed from " + hosterFingerprint + " to " + (now.hosterKey() == null ? "unknown" : now.hosterKey()));
    }
}
