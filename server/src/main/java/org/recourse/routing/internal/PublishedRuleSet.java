package org.recourse.routing.internal;

import java.time.Instant;
import org.recourse.routing.internal.rules.RuleSet;

/** A published, immutable version of the rules: its document as written and as parsed. */
record PublishedRuleSet(int version, String document, RuleSet rules, String note, Instant publishedAt,
                        String publishedBy) {
}
