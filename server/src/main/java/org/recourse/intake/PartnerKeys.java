package org.recourse.intake;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The API keys partners and platforms are given ({@code ./recourse api-key create}, Administration >
 * API keys), for modules that serve an API of their own: every key has scopes, and a revoked key
 * stops working on every node within a few seconds.
 */
public interface PartnerKeys {

    /** Scopes of the match API (matching module). */
    String MATCH_LOOKUP = "match:lookup";
    String MATCH_FEED = "match:feed";
    String MATCH_FEEDBACK = "match:feedback";

    /** The key's holder, if the presented key exists and is not revoked. */
    Optional<PartnerKey> authenticate(String presented);

    record PartnerKey(UUID keyId, String organisation, Set<String> scopes) {
    }
}
