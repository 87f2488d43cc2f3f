package org.recourse.takedown.internal.notices;

import java.util.Optional;

import org.springframework.stereotype.Component;

/** Until hoster resolution routes an item, recipients named by platform or domain do not move. */
@Component

class StableRecipients implements HosterCheck {

    @Override
    public Optional<String> moved(String recipientSource, String url, String hosterFingerprint) {
        return Optional.empty();
    }
}
