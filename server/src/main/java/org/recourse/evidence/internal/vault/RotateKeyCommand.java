package org.recourse.evidence.internal.vault;

import java.io.PrintStream;
import java.util.List;

import org.recourse.audit.AuditActor;
import org.recourse.audit.AuditTrail;
import org.recourse.platform.CliCommand;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code ./recourse evidence rotate-key}: adds a new primary key-encryption key to the key file
 * and re-wraps every object's data key with it. Evidence bytes are not touched. Old keys stay
 * in the file so nothing becomes unreadable if a node still wraps with one before it notices
 * the new file; run the command again later to re-wrap those too.
 */
@Component
class RotateKeyCommand implements CliCommand {

    private final KeyEncryptionKey kek;
    private final SealedBlobs blobs;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;

    RotateKeyCommand(KeyEncryptionKey kek, SealedBlobs blobs, AuditTrail audit, TransactionTemplate transaction) {
        this.kek = kek;
        this.blobs = blobs;
        this.audit = audit;
        this.transaction = transaction;
    }

    @Override
    public String name() {
        return "evidence rotate-key";
    }

    @Override
    public String summary() {
        return "make a new evidence key-encryption key primary and re-wrap every data key with it";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        int primary;
        try {
            primary = kek.rotate();
        } catch (IllegalStateException e) {
            err.println(e.getMessage());
            return 1;
        }
        int rewrapped = blobs.rewrapAll();
        AuditActor.runAs("cli:evidence-rotate-key", () -> transaction.executeWithoutResult(status ->
                audit.record("evidence.key_rotated", "evidence_kek", Integer.toUnsignedString(primary),
                        rewrapped + " data keys re-wrapped")));
        out.println("new primary key " + Integer.toUnsignedString(primary) + "; " + rewrapped + " data keys re-wrapped; "
                + kek.keyCount() + " keys in the key file");
        return 0;
    }
}
