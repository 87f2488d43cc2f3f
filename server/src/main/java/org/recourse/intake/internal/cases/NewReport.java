package org.recourse.intake.internal.cases;

import java.util.List;

import org.recourse.intake.Channel;

/**
 * A report as it arrives from any channel, before validation. Choice fields carry the codes in
 * {@link Choices}; monitoring fields are null when not asked or not answered and
 * {@link Choices#PREFER_NOT_TO_SAY} when the reporter declined.
 */
public record NewReport(Channel channel, String reporterType, List<String> forms, String otherFormText,
                        List<Item> items, boolean notOnline, String started, String ongoing, String minor,
                        String policeContacted, String description, Contact contact, Monitoring monitoring,
                        Origin origin) {

    public NewReport {
        forms = forms == null ? List.of() : List.copyOf(forms);
        items = items == null ? List.of() : List.copyOf(items);
        contact = contact == null ? Contact.NONE : contact;
        monitoring = monitoring == null ? Monitoring.NONE : monitoring;
        origin = origin == null ? Origin.NONE : origin;
    }

    /** A URL and/or platform and account name, or a description of something not online. */
    public record Item(String url, String platform, String account, String description, String referer) {
        public boolean isBlank() {
            return blank(url) && blank(platform) && blank(account) && blank(description);
        }
    }

    /** Contact details, used only with explicit consent. */
    public record Contact(boolean consent, String email, String phone) {
        public static final Contact NONE = new Contact(false, null, null);
    }

    public record Monitoring(String gender, String ageBand, String relationship, String municipality) {
        public static final Monitoring NONE = new Monitoring(null, null, null, null);
    }

    /**
     * Where the report came from besides the channel: the partner organisation, a named source,
     * the sender's reference, the staff member who recorded it.
     */
    public record Origin(String organisation, String source, String externalReference, String submittedBy) {
        public static final Origin NONE = new Origin(null, null, null, null);
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
