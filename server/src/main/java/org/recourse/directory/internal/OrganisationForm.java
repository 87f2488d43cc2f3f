package org.recourse.directory.internal;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.recourse.directory.Organisation;
import org.recourse.directory.OrganisationKind;
import org.recourse.directory.SourceNote;
import org.springframework.validation.Errors;

/**
 * The edit form of a directory entry with its server-side checks. Lists are typed one per line
 * (or comma-separated); source notes one per line as {@code date | source | text}.
 */
class OrganisationForm {

    private static final Pattern KEY = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("[0-9+() -]{3,30}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");
    private static final Pattern DOMAIN = Pattern.compile("([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final int MAX_TEXT = 500;
    private static final int MAX_LIST = 100;

    private String key = "";
    private String name = "";
    private String kind = "";
    private String country = "";
    private String legalRepresentative = "";
    private String legalRepresentativeCountry = "";
    private boolean vlop;
    private boolean videoPlatform;
    private boolean trustedFlagger;
    private String dsaContact = "";
    private String noticeEmail = "";
    private boolean noticeXarf;
    private String noticeApi = "";
    private String noticeForm = "";
    private String website = "";
    private String phone = "";
    private String languages = "";
    private String aliases = "";
    private String domains = "";
    private String sourceNotes = "";
    private int version;

    static OrganisationForm of(Organisation o) {
        OrganisationForm form = new OrganisationForm();
        form.key = o.key();
        form.name = o.name();
        form.kind = o.kind().code();
        form.country = nonNull(o.country());
        form.legalRepresentative = nonNull(o.legalRepresentative());
        form.legalRepresentativeCountry = nonNull(o.legalRepresentativeCountry());
        form.vlop = o.vlop();
        form.videoPlatform = o.videoPlatform();
        form.trustedFlagger = o.trustedFlagger();
        form.dsaContact = nonNull(o.dsaContact());
        form.noticeEmail = nonNull(o.noticeEmail());
        form.noticeXarf = o.noticeXarf();
        form.noticeApi = nonNull(o.noticeApi());
        form.noticeForm = nonNull(o.noticeForm());
        form.website = nonNull(o.website());
        form.phone = nonNull(o.phone());
        form.languages = String.join(", ", o.languages());
        form.aliases = String.join("\n", o.aliases());
        form.domains = String.join("\n", o.domains());
        form.sourceNotes = String.join("\n", o.sourceNotes().stream()
                .map(n -> n.date() + " | " + n.source() + " | " + n.text()).toList());
        form.version = o.version();
        return form;
    }

    /** Checks every field, rejecting with message keys; {@code creating} also checks the key. */
    void validate(Errors errors, boolean creating) {
        if (creating && (!KEY.matcher(key.trim()).matches() || key.length() > 60)) {
            errors.rejectValue("key", "directory.form.key.invalid");
        }
        if (name.isBlank() || name.length() > 200) {
            errors.rejectValue("name", "directory.form.name.invalid");
        }
        if (Arrays.stream(OrganisationKind.values()).noneMatch(k -> k.code().equals(kind))) {
            errors.rejectValue("kind", "directory.form.kind.invalid");
        }
        checkCountry(errors, "country", country);
        checkCountry(errors, "legalRepresentativeCountry", legalRepresentativeCountry);
        checkLength(errors, "legalRepresentative", legalRepresentative);
        checkLength(errors, "dsaContact", dsaContact);
        if (!noticeEmail.isBlank() && (noticeEmail.length() > 200 || !EMAIL.matcher(noticeEmail.trim()).matches())) {
            errors.rejectValue("noticeEmail", "directory.form.email.invalid");
        }
        checkUrl(errors, "noticeApi", noticeApi);
        checkUrl(errors, "noticeForm", noticeForm);
        checkUrl(errors, "website", website);
        if (!phone.isBlank() && !PHONE.matcher(phone.trim()).matches()) {
            errors.rejectValue("phone", "directory.form.phone.invalid");
        }
        List<String> languageList = list(languages);
        if (languageList.size() > MAX_LIST || !languageList.stream().allMatch(l -> LANGUAGE.matcher(l).matches())) {
            errors.rejectValue("languages", "directory.form.languages.invalid");
        }
        List<String> aliasList = list(aliases);
        if (aliasList.size() > MAX_LIST || aliasList.stream().anyMatch(a -> a.length() > 200)) {
            errors.rejectValue("aliases", "directory.form.aliases.invalid");
        }
        List<String> domainList = list(domains);
        if (domainList.size() > MAX_LIST || !domainList.stream().allMatch(d -> DOMAIN.matcher(d).matches())) {
            errors.rejectValue("domains", "directory.form.domains.invalid");
        }
        if (parseNotes() == null) {
            errors.rejectValue("sourceNotes", "directory.form.source-notes.invalid");
        }
    }

    /** The validated content; call only after {@link #validate} found no errors. */
    OrganisationDetails toDetails() {
        return new OrganisationDetails(key.trim(), name.trim(), OrganisationKind.ofCode(kind), upperOrNull(country),
                blankToNull(legalRepresentative), upperOrNull(legalRepresentativeCountry), vlop, videoPlatform,
                trustedFlagger, blankToNull(dsaContact), blankToNull(noticeEmail), noticeXarf && !noticeEmail.isBlank(), blankToNull(noticeApi),
                blankToNull(noticeForm), blankToNull(website), blankToNull(phone), list(languages), list(aliases),
                list(domains), parseNotes());
    }

    /** Notes as typed, or null if a line is not {@code yyyy-mm-dd | source | text}. */
    private List<SourceNote> parseNotes() {
        List<SourceNote> notes = new ArrayList<>();
        for (String line : sourceNotes.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.split("\\|", 3);
            if (parts.length != 3 || parts[1].isBlank() || parts[2].isBlank() || line.length() > 2000) {
                return null;
            }
            try {
                notes.add(new SourceNote(LocalDate.parse(parts[0].trim()), parts[1].trim(), parts[2].trim()));
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        return notes.size() > MAX_LIST ? null : notes;
    }

    private static List<String> list(String text) {
        Set<String> values = new LinkedHashSet<>();
        for (String value : text.split("[,\\n\\r]+")) {
            if (!value.isBlank()) {
                values.add(value.trim());
            }
        }
        return List.copyOf(values);
    }

    private static void checkCountry(Errors errors, String field, String value) {
        if (!value.isBlank() && !COUNTRIES.contains(value.trim().toUpperCase(Locale.ROOT))) {
            errors.rejectValue(field, "directory.form.country.invalid");
        }
    }

    private static void checkLength(Errors errors, String field, String value) {
        if (value.length() > MAX_TEXT) {
            errors.rejectValue(field, "directory.form.text.too-long");
        }
    }

    private static void checkUrl(Errors errors, String field, String value) {
        if (value.isBlank()) {
            return;
        }
        try {
            URI uri = new URI(value.trim());
            if (value.length() > MAX_TEXT || uri.getHost() == null
                    || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
                errors.rejectValue(field, "directory.form.url.invalid");
            }
        } catch (java.net.URISyntaxException e) {
            errors.rejectValue(field, "directory.form.url.invalid");
        }
    }

    private static String upperOrNull(String value) {
        return value.isBlank() ? null : value.trim().toUpperCase(Locale.ROOT);
    }

    private static String blankToNull(String value) {
        return value.isBlank() ? null : value.trim();
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }

    public String getKey() { return key; }
    public void setKey(String key) { this.key = nonNull(key); }
    public String getName() { return name; }
    public void setName(String name) { this.name = nonNull(name); }
    public String getKind() { return kind; }
    public void setKind(String kind) { this.kind = nonNull(kind); }
    public String getCountry() { return country; }
    public void setCountry(String country) { this.country = nonNull(country); }
    public String getLegalRepresentative() { return legalRepresentative; }
    public void setLegalRepresentative(String value) { this.legalRepresentative = nonNull(value); }
    public String getLegalRepresentativeCountry() { return legalRepresentativeCountry; }
    public void setLegalRepresentativeCountry(String value) { this.legalRepresentativeCountry = nonNull(value); }
    public boolean isVlop() { return vlop; }
    public void setVlop(boolean vlop) { this.vlop = vlop; }
    public boolean isVideoPlatform() { return videoPlatform; }
    public void setVideoPlatform(boolean videoPlatform) { this.videoPlatform = videoPlatform; }
    public boolean isTrustedFlagger() { return trustedFlagger; }
    public void setTrustedFlagger(boolean trustedFlagger) { this.trustedFlagger = trustedFlagger; }
    public String getDsaContact() { return dsaContact; }
    public void setDsaContact(String dsaContact) { this.dsaContact = nonNull(dsaContact); }
    public String getNoticeEmail() { return noticeEmail; }
    public void setNoticeEmail(String noticeEmail) { this.noticeEmail = nonNull(noticeEmail); }
    public String getNoticeApi() { return noticeApi; }
    public void setNoticeApi(String noticeApi) { this.noticeApi = nonNull(noticeApi); }
    public boolean isNoticeXarf() { return noticeXarf; }
    public void setNoticeXarf(boolean noticeXarf) { this.noticeXarf = noticeXarf; }
    public String getNoticeForm() { return noticeForm; }
    public void setNoticeForm(String noticeForm) { this.noticeForm = nonNull(noticeForm); }
    public String getWebsite() { return website; }
    public void setWebsite(String website) { this.website = nonNull(website); }
    public String getPhone() { return phone; }
    public void setPhone(String phone) { this.phone = nonNull(phone); }
    public String getLanguages() { return languages; }
    public void setLanguages(String languages) { this.languages = nonNull(languages).toLowerCase(Locale.ROOT); }
    public String getAliases() { return aliases; }
    public void setAliases(String aliases) { this.aliases = nonNull(aliases); }
    public String getDomains() { return domains; }
    public void setDomains(String domains) { this.domains = nonNull(domains).toLowerCase(Locale.ROOT); }
    public String getSourceNotes() { return sourceNotes; }
    public void setSourceNotes(String sourceNotes) { this.sourceNotes = nonNull(sourceNotes); }
    public int getVersion() { return version; }
    public void setVersion(int version) { this.version = version; }
}
