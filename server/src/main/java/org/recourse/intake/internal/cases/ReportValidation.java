package org.recourse.intake.internal.cases;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.recourse.intake.Channel;
import org.recourse.taxonomy.ViolenceForm;

/**
 * The server-side rules every report is held to, whatever channel it came through. What a channel
 * must at least provide differs: the public form asks who reports and what happened, a CSV line
 * only needs its URL.
 */
public final class ReportValidation {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ()\\-]{6,31}$");

    private ReportValidation() {
    }

    /** Either the checked report or the list of problems, never both. */
    public record Outcome(ValidatedReport report, List<FieldError> errors) {
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    public static Outcome validate(NewReport report, Predicate<String> activeForm) {
        List<FieldError> errors = new ArrayList<>();
        Channel channel = report.channel();
        boolean askedInFull = channel == Channel.WEB_FORM || channel == Channel.PHONE || channel == Channel.CHAT
                || channel == Channel.EMAIL;

        if (NewReport.blank(report.reporterType())) {
            if (channel == Channel.WEB_FORM) {
                errors.add(new FieldError("reporterType", "intake.error.required"));
            }
        } else {
            choice(errors, "reporterType", report.reporterType(), Choices.REPORTER_TYPE);
        }

        checkForms(report, activeForm, errors, askedInFull);
        List<ValidatedReport.CheckedItem> items = checkItems(report, errors);
        if (items.isEmpty()) {
            boolean urlChecked = (channel == Channel.CSV_IMPORT || channel == Channel.MAILBOX) && !report.items().isEmpty();
            if (channel == Channel.PARTNER_API || channel == Channel.CSV_IMPORT || channel == Channel.MAILBOX) {
                if (!urlChecked) {
                    errors.add(new FieldError("items", "intake.error.item-required"));
                }
            } else if (!report.notOnline()) {
                errors.add(new FieldError("items", "intake.error.where-required"));
            }
        }
        if (channel == Channel.CSV_IMPORT || channel == Channel.MAILBOX) {
            for (int i = 0; i < report.items().size(); i++) {
                if (NewReport.blank(report.items().get(i).url())) {
                    errors.add(new FieldError("items[" + i + "].url", "intake.error.required"));
                }
            }
        }

        optionalChoice(errors, "started", report.started(), Choices.STARTED);
        optionalChoice(errors, "ongoing", report.ongoing(), Choices.YES_NO_UNSURE);
        optionalChoice(errors, "minor", report.minor(), Choices.YES_NO_UNSURE);
        optionalChoice(errors, "policeContacted", report.policeContacted(), Choices.YES_NO_UNSURE);
        length(errors, "description", report.description(), Limits.DESCRIPTION);
        checkContact(report.contact(), errors);
        checkMonitoring(report.monitoring(), errors);
        NewReport.Origin origin = report.origin();
        length(errors, "origin.organisation", origin.organisation(), Limits.ORIGIN_TEXT);
        length(errors, "origin.source", origin.source(), Limits.ORIGIN_TEXT);
        length(errors, "origin.externalReference", origin.externalReference(), Limits.ORIGIN_TEXT);
        length(errors, "origin.submittedBy", origin.submittedBy(), Limits.ORIGIN_TEXT);
        if (channel == Channel.CSV_IMPORT && !NewReport.blank(origin.submittedBy())
                && !EMAIL.matcher(origin.submittedBy().strip()).matches()) {
            errors.add(new FieldError("origin.submittedBy", "intake.error.email"));
        }

        if (!errors.isEmpty()) {
            return new Outcome(null, List.copyOf(errors));
        }
        boolean childAbuseRoute = "yes".equals(report.minor())
                || report.forms().contains(ViolenceForm.CHILD_SEXUAL_ABUSE_MATERIAL);
        return new Outcome(new ValidatedReport(report, items, childAbuseRoute), List.of());
    }

    private static void checkForms(NewReport report, Predicate<String> activeForm, List<FieldError> errors,
                                   boolean required) {
        List<String> forms = report.forms();
        if (forms.isEmpty() && required) {
            errors.add(new FieldError("forms", "intake.error.forms-required"));
        }
        if (forms.size() > Limits.FORMS || new LinkedHashSet<>(forms).size() != forms.size()) {
            errors.add(new FieldError("forms", "intake.error.forms-invalid"));
        } else if (!forms.stream().allMatch(activeForm)) {
            errors.add(new FieldError("forms", "intake.error.forms-unknown"));
        }
        if (forms.contains(ViolenceForm.SOMETHING_ELSE) && NewReport.blank(report.otherFormText())) {
            errors.add(new FieldError("otherFormText", "intake.error.other-form-required"));
        }
        length(errors, "otherFormText", report.otherFormText(), Limits.OTHER_FORM_TEXT);
    }

    private static List<ValidatedReport.CheckedItem> checkItems(NewReport report, List<FieldError> errors) {
        List<ValidatedReport.CheckedItem> checked = new ArrayList<>();
        if (report.items().size() > Limits.ITEMS) {
            errors.add(new FieldError("items", "intake.error.too-many-items"));
            return checked;
        }
        for (int i = 0; i < report.items().size(); i++) {
            NewReport.Item item = report.items().get(i);
            if (item == null || item.isBlank()) {
                continue;
            }
            String prefix = "items[" + i + "].";
            String url = null;
            String normalised = null;
            String host = null;
            if (!NewReport.blank(item.url())) {
                try {
                    UrlNormaliser.NormalisedUrl parsed = UrlNormaliser.normalise(item.url());
                    url = item.url().strip();
                    normalised = parsed.value();
                    host = parsed.host();
                } catch (UrlNormaliser.InvalidUrl e) {
                    errors.add(new FieldError(prefix + "url", e.messageKey()));
                }
            }
            length(errors, prefix + "platform", item.platform(), Limits.PLATFORM);
            length(errors, prefix + "account", item.account(), Limits.ACCOUNT);
            length(errors, prefix + "description", item.description(), Limits.ITEM_DESCRIPTION);
            if (!NewReport.blank(item.referer())) {
                try {
                    UrlNormaliser.normalise(item.referer());
                } catch (UrlNormaliser.InvalidUrl e) {
                    errors.add(new FieldError(prefix + "referer", e.messageKey()));
                }
            }
            checked.add(new ValidatedReport.CheckedItem(url, normalised, host, trimmed(item.platform()),
                    trimmed(item.account()), trimmed(item.description()), trimmed(item.referer())));
        }
        return checked;
    }

    private static void checkContact(NewReport.Contact contact, List<FieldError> errors) {
        boolean email = !NewReport.blank(contact.email());
        boolean phone = !NewReport.blank(contact.phone());
        if (email && (contact.email().strip().length() > Limits.EMAIL || !EMAIL.matcher(contact.email().strip()).matches())) {
            errors.add(new FieldError("contact.email", "intake.error.email"));
        }
        if (phone && !PHONE.matcher(contact.phone().strip()).matches()) {
            errors.add(new FieldError("contact.phone", "intake.error.phone"));
        }
        if ((email || phone) && !contact.consent()) {
            errors.add(new FieldError("contact.consent", "intake.error.consent-required"));
        }
        if (contact.consent() && !email && !phone) {
            errors.add(new FieldError("contact.email", "intake.error.contact-missing"));
        }
    }

    private static void checkMonitoring(NewReport.Monitoring monitoring, List<FieldError> errors) {
        optionalChoice(errors, "monitoring.gender", monitoring.gender(), Choices.GENDER);
        optionalChoice(errors, "monitoring.ageBand", monitoring.ageBand(), Choices.AGE_BAND);
        optionalChoice(errors, "monitoring.relationship", monitoring.relationship(), Choices.RELATIONSHIP);
        length(errors, "monitoring.municipality", monitoring.municipality(), Limits.MUNICIPALITY);
    }

    private static void choice(List<FieldError> errors, String field, String value, List<String> allowed) {
        if (!allowed.contains(value)) {
            errors.add(new FieldError(field, "intake.error.choice"));
        }
    }

    private static void optionalChoice(List<FieldError> errors, String field, String value, List<String> allowed) {
        if (!NewReport.blank(value)) {
            choice(errors, field, value, allowed);
        }
    }

    private static void length(List<FieldError> errors, String field, String value, int max) {
        if (value != null && value.length() > max) {
            errors.add(new FieldError(field, "intake.error.too-long", max));
        }
    }

    static String trimmed(String value) {
        return NewReport.blank(value) ? null : value.strip();
    }
}
