package org.recourse.intake.internal.cases;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.recourse.platform.CaseRef;
import org.recourse.platform.CaseRefs;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link CaseRefs} for modules that may not depend on intake. */
@Service
@Transactional(readOnly = true)
class CaseRefLookup implements CaseRefs {

    private final CaseRepository cases;

    CaseRefLookup(CaseRepository cases) {
        this.cases = cases;
    }

    @Override
    public Optional<CaseRef> byId(UUID caseId) {
        return cases.find(caseId).map(c -> new CaseRef(c.id(), c.caseNumber()));
    }

    @Override
    public Optional<CaseRef> byNumber(String typed) {
        return CaseNumbers.parse(typed).flatMap(cases::findByNumber).map(c -> new CaseRef(c.id(), c.caseNumber()));
    }

    @Override
    public Map<UUID, CaseRef> byIds(Collection<UUID> caseIds) {
        Map<UUID, CaseRef> refs = new HashMap<>();
        if (!caseIds.isEmpty()) {
            cases.numbers(caseIds).forEach((id, number) -> refs.put(id, new CaseRef(id, number)));
        }
        return refs;
    }
}
