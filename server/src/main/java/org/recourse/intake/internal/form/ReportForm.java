package org.recourse.intake.internal.form;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.recourse.intake.Channel;
import org.recourse.intake.internal.cases.Choices;
import org.recourse.intake.internal.cases.NewReport;

/**
 * The report form as posted, by the public and by staff recording a phone, chat or e-mail report.
 * URLs come one per line from a text area, so adding several works without JavaScript.
 * {@code website} is the honeypot: hidden from people, filled in by bots.
 */
public class ReportForm {

    public static final int MAX_URL_LINES = 20;

    private String reporterType;
    private List<String> forms = new ArrayList<>();
    private String otherFormText;
    private String urls;
    private String platform;
    private String account;
    private boolean notOnline;
    private String started;
    private String ongoing;
    private String minor;
    private String policeContacted;
    private String description;
    private boolean contactConsent;
    private String contactEmail;
    private String contactPhone;
    private String gender;
    private String ageBand;
    private String relationship;
    private String municipality;
    private boolean municipalityDeclined;
    private String website;
    private String submission;

    /** The non-blank URL lines, in order. */
    public List<String> urlLines() {
        if (urls == null) {
            return List.of();
        }
        return Arrays.stream(urls.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    public boolean hasAccountItem() {
        return !blank(platform) || !blank(account);
    }

    public NewReport toReport(Channel channel, NewReport.Origin origin) {
        List<NewReport.Item> items = new ArrayList<>();
        for (String url : urlLines()) {
            items.add(new NewReport.Item(url, null, null, null, null));
        }
        if (hasAccountItem()) {
            items.add(new NewReport.Item(null, platform, account, null, null));
        }
        String place = municipalityDeclined ? Choices.PREFER_NOT_TO_SAY : municipality;
        return new NewReport(channel, reporterType, forms, otherFormText, items, notOnline, started, ongoing, minor,
                policeContacted, description, new NewReport.Contact(contactConsent, contactEmail, contactPhone),
                new NewReport.Monitoring(gender, ageBand, relationship, place), origin);
    }

    /** Maps a field path of the report back to the form field it was typed in. */
    public String formField(String reportField) {
        if (reportField.startsWith("items[")) {
            int index = Integer.parseInt(reportField.substring(6, reportField.indexOf(']')));
            String part = reportField.substring(reportField.indexOf("].") + 2);
            if (index < urlLines().size() && part.equals("url")) {
                return "urls";
            }
            return part;
        }
        return switch (reportField) {
            case "items" -> "where";
            case "contact.email" -> "contactEmail";
            case "contact.phone" -> "contactPhone";
            case "contact.consent" -> "contactConsent";
            case "monitoring.gender" -> "gender";
            case "monitoring.ageBand" -> "ageBand";
            case "monitoring.relationship" -> "relationship";
            case "monitoring.municipality" -> "municipality";
            default -> reportField;
        };
    }

    /** The 1-based URL line a report field is about, or 0. */
    public int urlLine(String reportField) {
        if (reportField.startsWith("items[") && reportField.endsWith("].url")) {
            int index = Integer.parseInt(reportField.substring(6, reportField.indexOf(']')));
            return index < urlLines().size() ? index + 1 : 0;
        }
        return 0;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    public String getReporterType() { return reporterType; }
    public void setReporterType(String reporterType) { this.reporterType = reporterType; }
    public List<String> getForms() { return forms; }
    public void setForms(List<String> forms) { this.forms = forms == null ? new ArrayList<>() : forms; }
    public String getOtherFormText() { return otherFormText; }
    public void setOtherFormText(String otherFormText) { this.otherFormText = otherFormText; }
    public String getUrls() { return urls; }
    public void setUrls(String urls) { this.urls = urls; }
    public String getPlatform() { return platform; }
    public void setPlatform(String platform) { this.platform = platform; }
    public String getAccount() { return account; }
    public void setAccount(String account) { this.account = account; }
    public boolean isNotOnline() { return notOnline; }
    public void setNotOnline(boolean notOnline) { this.notOnline = notOnline; }
    public String getStarted() { return started; }
    public void setStarted(String started) { this.started = started; }
    public String getOngoing() { return ongoing; }
    public void setOngoing(String ongoing) { this.ongoing = ongoing; }
    public String getMinor() { return minor; }
    public void setMinor(String minor) { this.minor = minor; }
    public String getPoliceContacted() { return policeContacted; }
    public void setPoliceContacted(String policeContacted) { this.policeContacted = policeContacted; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public boolean isContactConsent() { return contactConsent; }
    public void setContactConsent(boolean contactConsent) { this.contactConsent = contactConsent; }
    public String getContactEmail() { return contactEmail; }
    public void setContactEmail(String contactEmail) { this.contactEmail = contactEmail; }
    public String getContactPhone() { return contactPhone; }
    public void setContactPhone(String contactPhone) { this.contactPhone = contactPhone; }
    public String getGender() { return gender; }
    public void setGender(String gender) { this.gender = gender; }
    public String getAgeBand() { return ageBand; }
    public void setAgeBand(String ageBand) { this.ageBand = ageBand; }
    public String getRelationship() { return relationship; }
    public void setRelationship(String relationship) { this.relationship = relationship; }
    public String getMunicipality() { return municipality; }
    public void setMunicipality(String municipality) { this.municipality = municipality; }
    public boolean isMunicipalityDeclined() { return municipalityDeclined; }
    public void setMunicipalityDeclined(boolean municipalityDeclined) { this.municipalityDeclined = municipalityDeclined; }
    /** The form's one-time token: the same token never creates a second case. */
    public String getSubmission() { return submission; }
    public void setSubmission(String submission) { this.submission = submission; }
    public String getWebsite() { return website; }
    public void setWebsite(String website) { this.website = website; }
}
