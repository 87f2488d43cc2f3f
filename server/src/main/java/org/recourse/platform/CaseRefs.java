package org.recourse.platform;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Case numbers for modules that hold case ids but cannot depend on the module that owns cases
 * (it depends on them): evidence names its cases by number through this. Implemented by intake.
 */
public interface CaseRefs {

    Optional<CaseRef> byId(UUID caseId);

    /** The case a person typed, forgiving case, spaces and look-alike characters; empty if none. */
    Optional<CaseRef> byNumber(String typed);

    /** {@link #byId} for many cases in one query; unknown ids are left out. */
    Map<UUID, CaseRef> byIds(Collection<UUID> caseIds);
}
