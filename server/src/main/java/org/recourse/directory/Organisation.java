package org.recourse.directory;

import java.util.List;
import java.util.UUID;

/**
 * One directory entry as other modules see it.
 *
 * @param key                        stable identifier used by rule data, e.g. {@code acm}; never changes
 * @param country                    ISO 3166 alpha-2 code of the (main) establishment, or null if unknown
 * @param legalRepresentative        the EU legal representative (DSA art. 13) for providers outside the EU
 * @param legalRepresentativeCountry ISO code of the member state where that representative sits
 * @param vlop                       designated very large online platform (supervised by the European Commission)
 * @param videoPlatform              video-platform service under the Mediawet / AVMS directive
 * @param trustedFlagger             our hotline acts as trusted flagger with this organisation
 * @param noticeXarf                 the notice e-mail address processes X-ARF (v4) reports automatically
 * @param version                    increases with every saved change
 */
public record Organisation(
        UUID id,
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
        List<SourceNote> sourceNotes,
        int version) {

    /** Whether any way to send this organisation a notice is known: e-mail, API or web form. */
    public boolean noticeChannelKnown() {
        return present(noticeEmail) || present(noticeApi) || present(noticeForm);
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    public Organisation {
        languages = List.copyOf(languages);
        aliases = List.copyOf(aliases);
        domains = List.copyOf(domains);
        sourceNotes = List.copyOf(sourceNotes);
    }
}
