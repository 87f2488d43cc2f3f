package org.recourse.directory.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.recourse.directory.Organisation;

/** Which fields differ between two versions of an entry, named like their labels (e.g. {@code notice-email}). */
final class OrganisationChanges {

    private static final List<Field> FIELDS = List.of(
            new Field("name", Organisation::name),
            new Field("kind", Organisation::kind),
            new Field("country", Organisation::country),
            new Field("legal-representative", Organisation::legalRepresentative),
            new Field("legal-representative-country", Organisation::legalRepresentativeCountry),
            new Field("vlop", Organisation::vlop),
            new Field("video-platform", Organisation::videoPlatform),
            new Field("trusted-flagger", Organisation::trustedFlagger),
            new Field("dsa-contact", Organisation::dsaContact),
            new Field("notice-email", Organisation::noticeEmail),
            new Field("notice-xarf", Organisation::noticeXarf),
            new Field("notice-api", Organisation::noticeApi),
            new Field("notice-form", Organisation::noticeForm),
            new Field("website", Organisation::website),
            new Field("phone", Organisation::phone),
            new Field("languages", Organisation::languages),
            new Field("aliases", Organisation::aliases),
            new Field("domains", Organisation::domains),
            new Field("source-notes", Organisation::sourceNotes));

    private OrganisationChanges() {
    }

    static List<String> between(Organisation before, Organisation after) {
        List<String> changed = new ArrayList<>();
        for (Field field : FIELDS) {
            if (!Objects.equals(field.value().apply(before), field.value().apply(after))) {
                changed.add(field.name());
            }
        }
        return changed;
    }

    private record Field(String name, Function<Organisation, Object> value) {
    }
}
