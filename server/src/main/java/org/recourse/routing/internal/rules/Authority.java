package org.recourse.routing.internal.rules;

import java.util.Map;
import org.recourse.routing.LocalizedText;

/**
 * A kind of competent authority that differs by member state, e.g. the Digital Services
 * Coordinator: which directory entry it is per country, and how to name it where the directory
 * has none.
 */
record Authority(String name, Map<String, String> keyByCountry, LocalizedText fallbackName) {

    Authority {
        keyByCountry = Map.copyOf(keyByCountry);
    }
}
