package org.recourse.intake.internal.hashes;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.recourse.intake.CasesFromHashes;
import org.recourse.intake.Channel;
import org.recourse.intake.ReporterType;
import org.recourse.intake.internal.cases.Choices;
import org.recourse.intake.internal.cases.FieldError;
import org.recourse.intake.internal.cases.NewReport;
import org.recourse.intake.internal.cases.Passphrases;
import org.recourse.intake.internal.cases.PublicFormLimit;
import org.recourse.intake.internal.cases.ReportValidation;
import org.recourse.intake.internal.cases.SecretHashing;
import org.recourse.intake.internal.cases.SubmittingReport;
import org.recourse.taxonomy.Taxonomy;
import org.recourse.taxonomy.ViolenceForm;
import org.recourse.taxonomy.ViolenceGroup;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link CasesFromHashes} through the report form's own parts: {@link ReportValidation} for a
 * web-form report that is not online, {@link SubmittingReport#submitForm} with the form token,
 * the same secret and the same per-address limit ({@link PublicFormLimit}). Only the hashing page's few questions are
 * answered; the rest of the report stays empty.
 */
@Service
class StartingCasesFromHashes implements CasesFromHashes {

    private final Taxonomy taxonomy;
    private final SubmittingReport submitting;
    private final SecretHashing secrets;
    private final PublicFormLimit limit;

    StartingCasesFromHashes(Taxonomy taxonomy, SubmittingReport submitting, SecretHashing secrets, PublicFormLimit limit) {
        this.taxonomy = taxonomy;
        this.submitting = submitting;
        this.secrets = secrets;
        this.limit = limit;
    }

    @Override
    public List<ViolenceForm> imageForms() {
        return taxonomy.activeForms().stream().filter(f -> f.group() == ViolenceGroup.IMAGE_BASED).toList();
    }

    @Override
    public List<Problem> check(Answers answers) {
        List<Problem> problems = new ArrayList<>();
        ReportValidation.Outcome outcome = ReportValidation.validate(report(answers), taxonomy::isActive);
        for (FieldError error : outcome.errors()) {
            problems.add(new Problem(field(error.field()), error.messageKey(), List.of(error.arguments())));
        }
        if (answers.reporterType() != null && Choices.REPORTER_TYPE.contains(answers.reporterType())
                && REPORTER_TYPES.stream().map(ReporterType::code).noneMatch(answers.reporterType()::equals)) {
            problems.add(new Problem("reporterType", "intake.error.choice", List.of()));
        }
        List<String> image = imageForms().stream().map(ViolenceForm::code).toList();
        boolean formsNamed = problems.stream().anyMatch(p -> p.field().equals("forms"));
        if (!formsNamed && !answers.forms().stream().allMatch(image::contains)) {
            problems.add(new Problem("forms", "intake.error.forms-invalid", List.of()));
        }
        if (answers.minor() == null || answers.minor().isBlank()) {
            problems.add(new Problem("minor", "intake.error.required", List.of()));
        }
        return List.copyOf(problems);
    }

    @Override
    public boolean allowedFrom(String remoteAddress) {
        return limit.allowedFrom(remoteAddress);
    }

    @Override
    public Credentials newCredentials() {
        String secret = Passphrases.next();
        return new Credentials(secret, secrets.hash(secret));
    }

    @Override
    @Transactional
    public Optional<Started> start(Answers answers, Credentials credentials, String tokenHash) {
        if (!check(answers).isEmpty() || answers.childAbuseRoute()) {
            throw new IllegalArgumentException("answers that cannot start a case from hashes");
        }
        ReportValidation.Outcome outcome = ReportValidation.validate(report(answers), taxonomy::isActive);
        return submitting.submitForm(outcome.report(), credentials.secret(), credentials.secretHash(), tokenHash)
                .map(s -> new Started(s.caseId(), s.caseNumber(), s.secret()));
    }

    private static NewReport report(Answers answers) {
        return new NewReport(Channel.WEB_FORM, answers.reporterType(), answers.forms(), null, List.of(), true, null, null,
                answers.minor(), null, null,
                new NewReport.Contact(answers.contactConsent(), answers.contactEmail(), answers.contactPhone()),
                NewReport.Monitoring.NONE, new NewReport.Origin(null, SOURCE, null, null));
    }

    /** The report's field paths as the hashing page's fields. */
    private static String field(String reportField) {
        return switch (reportField) {
            case "contact.email" -> "contactEmail";
            case "contact.phone" -> "contactPhone";
            case "contact.consent" -> "contactConsent";
            default -> reportField;
        };
    }
}
