package org.recourse.statistics.internal.measures;

/** What a measure counts, the read-model table it lives in and the moment that places it in a period. */
public enum Unit {
    CASE("stat_case", "received_at"),
    NOTICE("stat_notice", "sent_at"),
    REFERRAL("stat_referral", "referred_at"),
    REUPLOAD("stat_reupload", "found_at");

    private final String table;
    private final String at;

    Unit(String table, String at) {
        this.table = table;
        this.at = at;
    }

    public String table() {
        return table;
    }

    public String at() {
        return at;
    }
}
