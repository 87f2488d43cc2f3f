package org.recourse.intake.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.recourse.intake.CaseView;
import org.recourse.intake.Cases;
import org.recourse.platform.CaseNumbers;
import org.springframework.stereotype.Component;

/** Case numbers for modules that know only a case's id (e.g. the dashboard's "needs attention" list). */
@Component
class CaseNumbersOfCases implements CaseNumbers {

    private final Cases cases;

    CaseNumbersOfCases(Cases cases) {
        this.cases = cases;
    }

    @Override
    public Map<UUID, String> numbers(Collection<UUID> caseIds) {
        Map<UUID, String> numbers = new HashMap<>();
        for (CaseView view : cases.findAll(caseIds)) {
            numbers.put(view.id(), view.caseNumber());
        }
        return numbers;
    }
}
