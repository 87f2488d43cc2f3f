package org.recourse.directory.internal;

import java.util.List;
import org.recourse.directory.OrganisationKind;
import org.recourse.directory.SourceNote;

/** The editable content of an entry, validated and normalised (see {@link OrganisationForm}). */
record OrganisationDetails(
        String key,
        String name,
        OrganisationKind kind,
        String country,
        String legalRepresentative,
        String legalRepresentativeCountry,
        boolean vlop,
        boolean videoPlatform,
        boolean trustedFlagger,
        String dsaContact,
        String noticeEmail,
        boolean noticeXarf,
        String noticeApi,
        String noticeForm,
        String website,
        String phone,
        List<String> languages,
        List<String> aliases,
        List<String> domains,
        List<SourceNote> sourceNotes) {

    /** Whether any way to send this organisation a notice is known: e-mail, API or web form. */
    public boolean noticeChannelKnown() {
        return present(noticeEmail) || present(noticeApi) || present(noticeForm);
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
