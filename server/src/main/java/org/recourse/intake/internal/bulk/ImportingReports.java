package org.recourse.intake.internal.bulk;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import org.recourse.audit.AuditSource;
import org.recourse.audit.AuditTrail;
import org.recourse.intake.internal.IntakeSettings;
import org.recourse.intake.internal.cases.FieldError;
import org.recourse.intake.internal.cases.ReportValidation;
import org.recourse.intake.internal.cases.Submission;
import org.recourse.intake.internal.cases.SubmittingReport;
import org.recourse.taxonomy.Taxonomy;
import org.recourse.taxonomy.ViolenceForm;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a CSV import as a cluster-safe background job: valid lines become cases, invalid lines are
 * listed with the reason. Lines are committed in batches together with the progress counter, so a
 * job resumed on another node after a crash continues after the last committed line.
 */
@Service
class ImportingReports {

    private static final Logger log = LoggerFactory.getLogger(ImportingReports.class);
    static final TaskDescriptor<String> TASK = TaskDescriptor.of("intake-csv-import", String.class);

    private final BulkImports imports;
    private final SubmittingReport submitting;
    private final Taxonomy taxonomy;
    private final TransactionTemplate transactions;
    private final IntakeSettings settings;
    private final AuditTrail audit;
    private final ObjectProvider<SchedulerClient> scheduler;

    ImportingReports(BulkImports imports, SubmittingReport submitting, Taxonomy taxonomy,
                     TransactionTemplate transactions, IntakeSettings settings, AuditTrail audit,
                     ObjectProvider<SchedulerClient> scheduler) {
        this.imports = imports;
        this.submitting = submitting;
        this.taxonomy = taxonomy;
        this.transactions = transactions;
        this.settings = settings;
        this.audit = audit;
        this.scheduler = scheduler;
    }

    /**
     * Queues the file; a node's scheduler picks it up within its polling interval. The job is
     * scheduled only after the import row has committed, so no node can pick up a job whose file
     * it cannot see yet.
     */
    UUID enqueue(String fileName, byte[] content, String createdBy) {
        UUID id = transactions.execute(status -> imports.create(fileName, content, createdBy));
        scheduler.getObject().scheduleIfNotExists(TASK.instance(id.toString()).data(id.toString())
                // db-scheduler runs on its own wall clock: a job due on the application's
                // (movable) clock could wait for real time to catch up.
                .scheduledTo(Instant.now()));
        return id;
    }

    void run(UUID id) {
        BulkImports.ImportJob job = imports.find(id).orElse(null);
        if (job == null || job.finished()) {
            return;
        }
        ImportFile file;
        try {
            file = ImportFile.of(decode(imports.content(id)));
        } catch (ImportFile.Unreadable e) {
            imports.fail(id, e.messageKey(), e.detail());
            return;
        } catch (CharacterCodingException e) {
            imports.fail(id, "intake.import.error.encoding", null);
            return;
        }
        int[] total = {0};
        file.forEachLine(line -> total[0]++);
        imports.start(id, total[0]);
        Set<String> active = taxonomy.activeForms().stream().map(ViolenceForm::code).collect(Collectors.toSet());
        int skip = job.processedLines();
        List<ImportFile.Line> batch = new ArrayList<>();
        int[] seen = {0};
        file.forEachLine(line -> {
            if (seen[0]++ < skip) {
                return;
            }
            batch.add(line);
            if (batch.size() >= settings.importing().batchSize()) {
                commit(id, file, batch, active);
                batch.clear();
            }
        });
        commit(id, file, batch, active);
        transactions.executeWithoutResult(status -> {
            imports.finish(id);
            BulkImports.ImportJob done = imports.find(id).orElseThrow();
            audit.record("import.finished", "bulk_import", id.toString(),
                    "accepted=" + done.accepted() + " rejected=" + done.rejected());
        });
        log.info("CSV import {} finished", id);
    }

    private void commit(UUID id, ImportFile file, List<ImportFile.Line> lines, Set<String> active) {
        if (lines.isEmpty()) {
            return;
        }
        AuditSource source = audit.currentSource();
        transactions.executeWithoutResult(status -> {
            List<Submission> accepted = new ArrayList<>();
            int rejected = 0;
            for (ImportFile.Line line : lines) {
                List<FieldError> errors = line.errors();
                ReportValidation.Outcome outcome = null;
                if (errors.isEmpty()) {
                    outcome = ReportValidation.validate(line.report(), active::contains);
                    errors = outcome.errors();
                }
                if (errors.isEmpty()) {
                    accepted.add(new Submission(outcome.report(), null, null, source, null));
                } else {
                    for (int i = 0; i < errors.size(); i++) {
                        FieldError error = errors.get(i);
                        imports.addError(id, i, new BulkImports.LineError(line.number(), file.column(error.field()),
                                error.messageKey(), error.limit(), line.text()));
                    }
                    rejected++;
                }
            }
            // The batch's valid lines in one go: one statement per table instead of several per line.
            if (!accepted.isEmpty()) {
                submitting.submitAll(accepted);
            }
            imports.progress(id, lines.size(), accepted.size(), rejected);
        });
    }

    private static String decode(byte[] content) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
    }
}
