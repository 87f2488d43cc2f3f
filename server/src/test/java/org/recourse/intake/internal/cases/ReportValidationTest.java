package org.recourse.intake.internal.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.recourse.intake.Channel;

class ReportValidationTest {

    private static final Set<String> FORMS = Set.of("deepfake", "something_else", "child_sexual_abuse_material");

    private static NewReport form(List<String> forms, List<NewReport.Item> items, boolean notOnline,
                                  NewReport.Contact contact) {
        return new NewReport(Channel.WEB_FORM, "self", forms, null, items, notOnline, null, null, "no", null,
                null, contact, null, null);
    }

    private static List<String> fields(ReportValidation.Outcome outcome) {
        return outcome.errors().stream().map(FieldError::field).toList();
    }

    @Test
    void aMinimalFormReportIsValid() {
        var outcome = ReportValidation.validate(form(List.of("deepfake"), List.of(), true, null), FORMS::contains);
        assertThat(outcome.valid()).isTrue();
        assertThat(outcome.report().childAbuseRoute()).isFalse();
    }

    @Test
    void theFormNeedsWhatHappenedAndWhere() {
        var outcome = ReportValidation.validate(form(List.of(), List.of(), false, null), FORMS::contains);
        assertThat(fields(outcome)).containsExactly("forms", "items");
    }

    @Test
    void somethingElseNeedsADescriptionAndUnknownFormsAreRefused() {
        assertThat(fields(ReportValidation.validate(form(List.of("something_else"), List.of(), true, null), FORMS::contains)))
                .containsExactly("otherFormText");
        assertThat(fields(ReportValidation.validate(form(List.of("made_up"), List.of(), true, null), FORMS::contains)))
                .containsExactly("forms");
    }

    @Test
    void eachBadUrlIsNamedWithItsPosition() {
        var items = List.of(new NewReport.Item("https://ok.example/x", null, null, null, null),
                new NewReport.Item("ftp://bad.example/", null, null, null, null));
        var outcome = ReportValidation.validate(form(List.of("deepfake"), items, false, null), FORMS::contains);
        assertThat(outcome.errors()).containsExactly(new FieldError("items[1].url", "intake.url.scheme"));
    }

    @Test
    void contactDetailsNeedConsent() {
        var outcome = ReportValidation.validate(form(List.of("deepfake"), List.of(), true,
                new NewReport.Contact(false, "me@example.org", null)), FORMS::contains);
        assertThat(fields(outcome)).containsExactly("contact.consent");
        var badEmail = ReportValidation.validate(form(List.of("deepfake"), List.of(), true,
                new NewReport.Contact(true, "not-an-address", null)), FORMS::contains);
        assertThat(fields(badEmail)).containsExactly("contact.email");
    }

    @Test
    void overlongTextIsRefusedWithTheLimit() {
        var report = new NewReport(Channel.WEB_FORM, "self", List.of("deepfake"), null, List.of(), true, null, null,
                null, null, "x".repeat(Limits.DESCRIPTION + 1), null, null, null);
        assertThat(ReportValidation.validate(report, FORMS::contains).errors())
                .containsExactly(new FieldError("description", "intake.error.too-long", Limits.DESCRIPTION));
    }

    @Test
    void aMinorOrChildAbuseMaterialTakesTheChildAbuseRoute() {
        var minor = new NewReport(Channel.WEB_FORM, "self", List.of("deepfake"), null, List.of(), true, null, null,
                "yes", null, null, null, null, null);
        assertThat(ReportValidation.validate(minor, FORMS::contains).report().childAbuseRoute()).isTrue();
        var csam = form(List.of("child_sexual_abuse_material"), List.of(), true, null);
        assertThat(ReportValidation.validate(csam, FORMS::contains).report().childAbuseRoute()).isTrue();
    }

    @Test
    void partnerReportsNeedAnItemButNotAReporterType() {
        var report = new NewReport(Channel.PARTNER_API, null, List.of(), null, List.of(), false, null, null, null,
                null, null, null, null, null);
        assertThat(fields(ReportValidation.validate(report, FORMS::contains))).containsExactly("items");
    }

    @Test
    void monitoringAnswersMustBeKnownCodes() {
        var report = new NewReport(Channel.WEB_FORM, "self", List.of("deepfake"), null, List.of(), true, null, null,
                null, null, null, null, new NewReport.Monitoring("prefer_not_to_say", "ancient", null, null), null);
        assertThat(fields(ReportValidation.validate(report, FORMS::contains))).containsExactly("monitoring.ageBand");
    }

    @Test
    void aCsvLineWithoutUrlIsRefusedForThatReasonOnly() {
        var report = new NewReport(Channel.CSV_IMPORT, null, List.of(), null,
                List.of(new NewReport.Item(null, null, null, null, "https://ref.example/")), false, null, null, null,
                null, null, null, null, null);
        assertThat(ReportValidation.validate(report, FORMS::contains).errors())
                .containsExactly(new FieldError("items[0].url", "intake.error.required"));
    }
}
