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

    /**
     * The part of the work these entries belong to, for the list's filter: by default the contributing
     * module's name (the package below {@code org.recourse}).
     */
    default String area() {
        String name = org.springframework.aop.support.AopUtils.getTargetClass(this).getPackageName();
        String rest = name.startsWith("org.recourse.") ? name.substring("org.recourse.".length()) : name;
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
