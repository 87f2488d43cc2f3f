package org.recourse.routing.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.recourse.accounts.StaffMember;
import org.recourse.accounts.StaffMembers;
import org.recourse.audit.AuditActor;
import org.recourse.audit.AuditTrail;
import org.recourse.directory.Directory;
import org.recourse.routing.internal.rules.RuleSet;
import org.recourse.routing.internal.rules.RuleSetInvalid;
import org.recourse.routing.internal.rules.RuleSetParser;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The published rule sets and the draft. The first time any node needs rules and finds none, it
 * publishes {@code routing/rules-v1.yaml} as version 1. Published versions never change, so each
 * node keeps the parsed versions it has seen in memory.
 */
@org.springframework.stereotype.Service
class RuleSets {

    static final String SEED = "/routing/rules-v1.yaml";

    private final RuleSetRepository repository;
    private final Directory directory;
    private final AuditTrail audit;
    private final StaffMembers staff;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final Map<Integer, PublishedRuleSet> parsed = new ConcurrentHashMap<>();

    RuleSets(RuleSetRepository repository, Directory directory, AuditTrail audit, StaffMembers staff, Clock clock,
             TransactionTemplate transactions) {
        this.repository = repository;
        this.directory = directory;
        this.audit = audit;
        this.staff = staff;
        this.clock = clock;
        this.transactions = transactions;
    }

    PublishedRuleSet active() {
        int version = repository.latestVersion().orElseGet(this::publishSeed);
        return version(version).orElseThrow();
    }

    Optional<PublishedRuleSet> version(int version) {
        PublishedRuleSet known = parsed.get(version);
        if (known != null) {
            return Optional.of(known);
        }
        return repository.find(version).map(row -> parsed.computeIfAbsent(row.version(), v -> new PublishedRuleSet(
                row.version(), row.document(), RuleSetParser.parse(row.document()), row.note(), row.publishedAt(),
                row.publishedBy())));
    }

    List<RuleSetRepository.VersionRow> versions() {
        active();
        return repository.all();
    }

    /** The draft, or a new one starting from the active version. */
    RuleSetDraft draft() {
        return repository.draft().orElseGet(() -> {
            PublishedRuleSet active = active();
            return new RuleSetDraft(active.document(), active.version(), null, null);
        });
    }

    /** Problems that would stop {@code document} from being published; empty when it can be. */
    List<String> check(String document) {
        List<String> problems = new ArrayList<>();
        try {
            RuleSet rules = RuleSetParser.parse(document);
            rules.referencedKeys().stream().filter(key -> directory.findByKey(key).isEmpty())
                    .forEach(key -> problems.add("'" + key + "' is not a key in the directory"));
        } catch (RuleSetInvalid invalid) {
            problems.addAll(invalid.problems());
        }
        return problems;
    }

    /** Saves the draft even with problems, so work is not lost; publishing checks again. */
    @Transactional
    void saveDraft(String document, int basedOn) {
        repository.saveDraft(document, basedOn, now(), actor());
        audit.record("routing.draft-saved", "routing_rule_set", "draft", "based on version " + basedOn);
    }

    /**
     * Publishes the draft as the next version. Fails with the problems found, or when another
     * version was published after the draft was started (the draft would silently undo it).
     */
    @Transactional
    int publish(String note) {
        RuleSetDraft draft = repository.draftForUpdate().orElseThrow(() -> new RuleSetInvalid(List.of("there is no draft to publish")));
        int latest = repository.latestVersion().orElse(0);
        if (draft.basedOn() == null || draft.basedOn() != latest) {
            throw new RuleSetInvalid(List.of("version " + latest + " was published after this draft was started from version "
                    + draft.basedOn() + "; start again from version " + latest));
        }
        List<String> problems = check(draft.document());
        if (!problems.isEmpty()) {
            throw new RuleSetInvalid(problems);
        }
        int version = latest + 1;
        repository.insert(version, draft.document(), note == null || note.isBlank() ? null : note.strip(), now(), actor());
        repository.deleteDraft();
        audit.record("routing.rules-published", "routing_rule_set", String.valueOf(version), null);
        return version;
    }

    @Transactional
    void discardDraft() {
        repository.deleteDraft();
        audit.record("routing.draft-discarded", "routing_rule_set", "draft", null);
    }

    private int publishSeed() {
        String document = seedDocument();
        transactions.executeWithoutResult(status -> AuditActor.runAs("system:routing-seed", () -> {
            if (repository.insertFirst(document, "seed: " + SEED, now(), "system:routing-seed")) {
                audit.record("routing.rules-published", "routing_rule_set", "1", "seed " + SEED);
            }
        }));
        return repository.latestVersion().orElseThrow();
    }

    static String seedDocument() {
        try (InputStream in = RuleSets.class.getResourceAsStream(SEED)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    private String actor() {
        return staff.current().map(StaffMember::username)
                .orElseGet(() -> AuditActor.current() != null ? AuditActor.current() : "system");
    }
}
