package org.recourse.referral.internal.orders;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * How an online account is compared: lower case, without a leading {@code @} or spaces. A reported
 * item names an account either as its account field or as a segment of its URL's path
 * ({@code instagram.com/ex_handle}).
 */
final class Accounts {

    static final int MAX_LENGTH = 100;

    private Accounts() {
    }

    static String normalise(String account) {
        if (account == null) {
            return "";
        }
        String a = account.strip().toLowerCase(Locale.ROOT);
        while (a.startsWith("@")) {
            a = a.substring(1);
        }
        return a;
    }

    /** Every account an item could be naming. */
    static Set<String> named(String account, String url) {
        Set<String> named = new LinkedHashSet<>();
        if (account != null && !normalise(account).isEmpty()) {
            named.add(normalise(account));
        }
        if (url != null) {
            try {
                String path = URI.create(url.strip()).getPath();
                if (path != null) {
                    for (String segment : path.split("/")) {
                        String s = normalise(segment);
                        if (!s.isEmpty()) {
                            named.add(s);
                        }
                    }
                }
            } catch (IllegalArgumentException unparseable) {
                // an address intake kept as typed: nothing to compare
            }
        }
        return named;
    }
}
