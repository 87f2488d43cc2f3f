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
}
