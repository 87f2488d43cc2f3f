package org.recourse.routing.internal.rules;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.recourse.directory.Organisation;
import org.recourse.directory.OrganisationKind;

/**
 * A small directory for rule tests without a database: the real platforms' routing-relevant
 * facts as seeded, plus fictional ones for cases the seed does not cover (a non-VLOP Dutch forum,
 * a German hoster, a provider outside the EU with a legal representative in Belgium).
 */
final class TestDirectory implements Function<String, Optional<Organisation>> {

    private final Map<String, Organisation> byKey = Stream.of(
            platform("instagram", "Instagram", "IE", null, true, true, true),
            platform("facebook", "Facebook", "IE", null, true, false, true),
            platform("youtube", "YouTube", "IE", null, true, true, true),
            platform("tiktok", "TikTok", "IE", null, true, true, true),
            platform("x", "X", "IE", null, true, false, true),
            platform("linkedin", "LinkedIn", "IE", null, true, false, true),
            platform("snapchat", "Snapchat", "NL", null, true, true, true),
            platform("telegram", "Telegram", "AE", null, false, false, true),
            platform("pornhub", "Pornhub", "CY", null, true, true, false),
            platform("xvideos", "XVideos", "CZ", null, true, true, false),
            platform("forum-nl", "Forum NL", "NL", null, false, false, false),
            platform("chatly", "Chatly", "US", "BE", false, false, false),
            organisation("hoster-de", "Hoster DE", OrganisationKind.HOSTER, "DE"),
            organisation("site-nl", "Site NL", OrganisationKind.SITE_OWNER, "NL"),
            organisation("registrar-nl", "Registrar NL", OrganisationKind.REGISTRAR, "NL"),
            organisation("acm", "ACM", OrganisationKind.REGULATOR, "NL"),
            organisation("coimisiun-na-mean", "Coimisiún na Meán", OrganisationKind.REGULATOR, "IE"),
            organisation("european-commission", "Europese Commissie", OrganisationKind.REGULATOR, "BE"),
            organisation("autoriteit-persoonsgegevens", "Autoriteit Persoonsgegevens", OrganisationKind.REGULATOR, "NL"),
            organisation("data-protection-commission", "Data Protection Commission", OrganisationKind.REGULATOR, "IE"),
            organisation("commissariaat-voor-de-media", "Commissariaat voor de Media", OrganisationKind.REGULATOR, "NL"),
            organisation("atkm", "ATKM", OrganisationKind.REGULATOR, "NL"),
            organisation("politie", "Politie", OrganisationKind.POLICE, "NL"),
            organisation("meldpunt-kinderporno", "Meldpunt Kinderporno", OrganisationKind.HELP, "NL"),
            organisation("centrum-seksueel-geweld", "Centrum Seksueel Geweld", OrganisationKind.HELP, "NL"),
            organisation("veilig-thuis", "Veilig Thuis", OrganisationKind.HELP, "NL"),
            organisation("slachtofferhulp-nederland", "Slachtofferhulp Nederland", OrganisationKind.HELP, "NL"))
            .collect(Collectors.toMap(Organisation::key, Function.identity()));

    @Override
    public Optional<Organisation> apply(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    Organisation get(String key) {
        return apply(key).orElseThrow(() -> new IllegalArgumentException("no test organisation " + key));
    }

    private static Organisation platform(String key, String name, String country, String representativeCountry,
                                         boolean vlop, boolean video, boolean trustedFlagger) {
        return new Organisation(UUID.nameUUIDFromBytes(key.getBytes()), key, name, OrganisationKind.PLATFORM, country,
                null, representativeCountry, vlop, video, trustedFlagger, null, null, false, null, null, null, null,
                List.of(), List.of(), List.of(), List.of(), 1);
    }

    private static Organisation organisation(String key, String name, OrganisationKind kind, String country) {
        return new Organisation(UUID.nameUUIDFromBytes(key.getBytes()), key, name, kind, country, null, null,
                false, false, false, null, null, false, null, null, null, null, List.of(), List.of(), List.of(), List.of(), 1);
    }
}
