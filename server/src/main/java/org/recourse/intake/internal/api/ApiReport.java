package org.recourse.intake.internal.api;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.recourse.intake.Channel;
import org.recourse.intake.internal.cases.NewReport;

/** The body of {@code POST /api/v1/reports}. Field names and codes match the public form. */
@Schema(name = "Report", description = "A report from a partner organisation. Only `items` is required.")
record ApiReport(
        @Schema(description = "Who reported to the partner", allowableValues = {"self", "on_behalf", "professional"})
        String reporterType,
        @Schema(description = "Taxonomy codes of the forms of violence, e.g. non_consensual_sharing, sextortion")
        List<String> forms,
        @Schema(description = "Required when forms contains something_else", maxLength = 500)
        String otherForm,
        @Schema(description = "What was reported: at least one item, at most 20", requiredMode = Schema.RequiredMode.REQUIRED)
        List<Item> items,
        @Schema(allowableValues = {"last_7_days", "last_month", "last_year", "longer_ago", "unknown"})
        String started,
        @Schema(allowableValues = {"yes", "no", "unsure"}) String ongoing,
        @Schema(description = "Is the person shown under 18? yes routes the case to the child sexual abuse route",
                allowableValues = {"yes", "no", "unsure"}) String minor,
        @Schema(allowableValues = {"yes", "no", "unsure"}) String policeContacted,
        @Schema(maxLength = 5000) String description,
        Contact contact,
        Monitoring monitoring,
        @Schema(description = "The partner's own reference for this report", maxLength = 200) String reference) {

    @Schema(name = "ReportItem", description = "A URL and/or platform and account, or a description")
    record Item(@Schema(maxLength = 2048) String url, @Schema(maxLength = 100) String platform,
                @Schema(maxLength = 200) String account, @Schema(maxLength = 2000) String description) {
    }

    @Schema(name = "ReportContact", description = "Contact details of the person concerned, only with their explicit consent")
    record Contact(boolean consent, @Schema(maxLength = 254) String email, @Schema(maxLength = 32) String phone) {
    }

    @Schema(name = "ReportMonitoring", description = "Monitoring answers; each optional, prefer_not_to_say allowed")
    record Monitoring(String gender, String ageBand, String relationship, String municipality) {
    }

    NewReport toReport(String organisation) {
        List<NewReport.Item> reportItems = items == null ? List.of() : items.stream()
                .map(i -> i == null ? new NewReport.Item(null, null, null, null, null)
                        : new NewReport.Item(i.url(), i.platform(), i.account(), i.description(), null))
                .toList();
        return new NewReport(Channel.PARTNER_API, reporterType, forms, otherForm, reportItems, false, started, ongoing,
                minor, policeContacted, description,
                contact == null ? null : new NewReport.Contact(contact.consent(), contact.email(), contact.phone()),
                monitoring == null ? null : new NewReport.Monitoring(monitoring.gender(), monitoring.ageBand(),
                        monitoring.relationship(), monitoring.municipality()),
                new NewReport.Origin(organisation, null, reference, null));
    }
}
