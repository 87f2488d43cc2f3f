package org.recourse.platform;

import java.util.List;
import java.util.Set;

/**
 * A module's entries on the dashboard's "needs attention" list: everything of its own that stalls
 * until a person acts (no recipient, sending failed, a bounced e-mail, a capture that failed, ...).
 * Escalation, prevention and referral add theirs the same way, as beans of this type.
 */
public interface NeedsAttention {

    /** Roles (without {@code ROLE_}) that see and can act on these entries. */
    Set<String> roles();

    /** What waits now, at most {@code limit} entries, longest waiting first. */
    List<AttentionItem> waiting(int limit);
}
