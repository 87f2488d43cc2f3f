package org.recourse.platform;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * Case numbers for case ids, so pages name cases the way people do. Provided by the module that
 * owns cases; modules that only know a case's id (and may not depend on that module) use it.
 */
public interface CaseNumbers {

    /** The number of each case that exists; unknown ids are left out. */
    Map<UUID, String> numbers(Collection<UUID> caseIds);
}
