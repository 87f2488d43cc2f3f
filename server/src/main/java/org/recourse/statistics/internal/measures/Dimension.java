package org.recourse.statistics.internal.measures;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A way to break a figure down. Each knows the units it applies to, the SQL that gives a row's
 * category there, and the categories it always shows (so an empty category is a visible zero,
 * not a missing row). "unknown" and "prefer_not_to_say" are categories of their own.
 */
public enum Dimension {
    CHANNEL(Map.of(Unit.CASE, "channel"),
            List.of("web_form", "phone", "chat", "email", "partner_api", "csv_import", "mailbox")),
    REPORTER_TYPE(Map.of(Unit.CASE, "reporter_type"), List.of("self", "on_behalf", "professional", "unknown")),
    FORM(Map.of(Unit.CASE, "form", Unit.NOTICE, "form"), List.of()),
    DSA_CATEGORY(Map.of(Unit.CASE, DsaSql.CATEGORY, Unit.NOTICE, DsaSql.CATEGORY), List.of()),
    DSA_KEYWORD(Map.of(Unit.CASE, DsaSql.KEYWORD, Unit.NOTICE, DsaSql.KEYWORD), List.of()),
    LEGAL_STATUS(Map.of(Unit.NOTICE, "legal_status"), List.of("illegal", "unlawful", "harmful", "unknown")),
    GENDER(Map.of(Unit.CASE, "gender"), List.of("woman", "man", "non_binary", "other", "prefer_not_to_say", "unknown")),
    AGE_BAND(Map.of(Unit.CASE, "age_band"), List.of("under_12", "12_15", "16_17", "18_24", "25_34", "35_44", "45_64",
            "65_plus", "prefer_not_to_say", "unknown")),
    RELATIONSHIP(Map.of(Unit.CASE, "relationship"), List.of("partner", "ex_partner", "family", "acquaintance",
            "colleague_or_fellow_student", "online_only", "stranger", "unknown", "prefer_not_to_say")),
    POLICE_CONTACTED(Map.of(Unit.CASE, "police_contacted"), List.of("yes", "no", "unsure", "unknown")),
    MUNICIPALITY(Map.of(Unit.CASE, "municipality"), List.of()),
    PROVINCE(Map.of(Unit.CASE, "province"), List.of("Drenthe", "Flevoland", "Fryslân", "Gelderland", "Groningen",
            "Limburg", "Noord-Brabant", "Noord-Holland", "Overijssel", "Utrecht", "Zeeland", "Zuid-Holland", "unknown")),
    PLATFORM(Map.of(Unit.NOTICE, "platform", Unit.REUPLOAD, "platform"), List.of()),
    ACTION_TAKEN(Map.of(Unit.NOTICE, """
            (case when decision is not null then decision when removed_at is not null then 'removed'
                  when escalated_at is not null then 'escalated' else 'no_response' end)"""),
            List.of("removed", "restricted", "refused", "other", "no_response", "escalated")),
    ESCALATION_OUTCOME(Map.of(Unit.NOTICE, "coalesce(escalation_outcome, 'not_escalated')"),
            List.of("filed", "acknowledged", "under_investigation", "decided", "rejected", "no_response", "withdrawn", "not_escalated")),
    REFERRAL_KIND(Map.of(Unit.REFERRAL, "kind"), List.of("police", "csam", "regulator", "help")),
    ORGANISATION(Map.of(Unit.REFERRAL, "organisation"), List.of()),
    REFERRAL_OUTCOME(Map.of(Unit.REFERRAL, "coalesce(outcome, 'open')"), List.of("accepted", "contact_made", "declined", "no_response", "open"));

    /** The value of a margin: all categories together. */
    public static final String TOTAL = "total";

    private final Map<Unit, String> sql;
    private final List<String> categories;

    Dimension(Map<Unit, String> sql, List<String> categories) {
        this.sql = sql;
        this.categories = categories;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Dimension> fromCode(String code) {
        return Arrays.stream(values()).filter(d -> d.code().equals(code.strip().toLowerCase(Locale.ROOT))).findFirst();
    }

    public boolean appliesTo(Unit unit) {
        return sql.containsKey(unit);
    }

    public String sql(Unit unit) {
        return sql.get(unit);
    }

    /** Categories always shown, in order; others found in the data follow alphabetically. */
    public List<String> categories() {
        return categories;
    }

    /** Message key of the dimension's name. */
    public String labelKey() {
        return "statistics.dimension." + code();
    }

    private static final class DsaSql {
        static final String CATEGORY =
                "coalesce((select m.category from stat_dsa_mapping m where m.form = f.form), 'unknown')";
        static final String KEYWORD =
                "coalesce((select m.keyword from stat_dsa_mapping m where m.form = f.form), 'unknown')";
    }
}
