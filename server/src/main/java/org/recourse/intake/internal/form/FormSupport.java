package org.recourse.intake.internal.form;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.recourse.intake.internal.cases.Choices;
import org.recourse.intake.internal.cases.FieldError;
import org.recourse.intake.internal.cases.UrlNormaliser;
import org.recourse.taxonomy.Taxonomy;
import org.recourse.taxonomy.ViolenceForm;
import org.recourse.taxonomy.ViolenceGroup;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** What the report form needs in its model, shared by the public and the staff form. */
@Component
public class FormSupport {

    private final Taxonomy taxonomy;
    private final MessageSource messages;

    FormSupport(Taxonomy taxonomy, MessageSource messages) {
        this.taxonomy = taxonomy;
        this.messages = messages;
    }

    public void addChoices(Model model) {
        Map<ViolenceGroup, List<ViolenceForm>> groups = new LinkedHashMap<>();
        for (ViolenceForm form : taxonomy.activeForms()) {
            groups.computeIfAbsent(form.group(), g -> new ArrayList<>()).add(form);
        }
        model.addAttribute("formGroups", groups);
        model.addAttribute("reporterTypes", Choices.REPORTER_TYPE);
        model.addAttribute("startedChoices", Choices.STARTED);
        model.addAttribute("yesNoUnsure", Choices.YES_NO_UNSURE);
        model.addAttribute("genders", Choices.GENDER);
        model.addAttribute("ageBands", Choices.AGE_BAND);
        model.addAttribute("relationships", Choices.RELATIONSHIP);
        model.addAttribute("maxUrlLines", ReportForm.MAX_URL_LINES);
        model.addAttribute("anchors", Map.of("where", "urls", "reporterType", "reporterType-self",
                "forms", groups.isEmpty() ? "main" : "form-" + groups.values().iterator().next().getFirst().code(),
                "ongoing", "ongoing-yes", "minor", "minor-yes", "policeContacted", "police-yes"));
        model.addAttribute("maxUrlLength", UrlNormaliser.MAX_LENGTH);
        model.addAttribute("fieldLabels", FIELD_LABELS);
    }

    /** The label (message key) of each field, so the error summary names the field it points to. */
    static final Map<String, String> FIELD_LABELS = Map.ofEntries(
            Map.entry("reporterType", "intake.form.reporter-type"), Map.entry("forms", "intake.form.forms"),
            Map.entry("otherFormText", "intake.form.other-form"), Map.entry("where", "intake.form.where"),
            Map.entry("urls", "intake.form.urls"), Map.entry("platform", "intake.form.platform"),
            Map.entry("account", "intake.form.account"), Map.entry("started", "intake.form.started"),
            Map.entry("ongoing", "intake.form.ongoing"), Map.entry("minor", "intake.form.minor"),
            Map.entry("policeContacted", "intake.form.police"), Map.entry("description", "intake.form.description"),
            Map.entry("contactConsent", "intake.form.contact-consent"), Map.entry("contactEmail", "intake.form.contact-email"),
            Map.entry("contactPhone", "intake.form.contact-phone"), Map.entry("gender", "intake.form.gender"),
            Map.entry("ageBand", "intake.form.age-band"), Map.entry("relationship", "intake.form.relationship"),
            Map.entry("municipality", "intake.form.municipality"));

    /**
     * The problems as messages in the user's language, by form field; several problems with one
     * field (e.g. two bad URL lines) are joined.
     */
    public Map<String, String> messages(ReportForm form, List<FieldError> errors, Locale locale) {
        Map<String, String> byField = new LinkedHashMap<>();
        for (FieldError error : errors) {
            String text = messages.getMessage(error.messageKey(), error.arguments(), locale);
            int line = form.urlLine(error.field());
            if (line > 0 && form.urlLines().size() > 1) {
                text = messages.getMessage("intake.form.url-line", new Object[] {line, text}, locale);
            }
            byField.merge(form.formField(error.field()), text, (a, b) -> a + " " + b);
        }
        return byField;
    }

    public String message(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    public boolean activeForm(String code) {
        return taxonomy.isActive(code);
    }
}
