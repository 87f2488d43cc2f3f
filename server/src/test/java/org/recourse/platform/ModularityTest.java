package org.recourse.platform;

import org.junit.jupiter.api.Test;
import org.recourse.RecourseApplication;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module boundaries of design.md, enforced: a module that reaches into another's
 * {@code internal} package, or a dependency cycle, fails the build. Also writes the module
 * diagram to {@code target/spring-modulith-docs}.
 */
class ModularityTest {

    private final ApplicationModules modules = ApplicationModules.of(RecourseApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void writesTheModuleDiagram() {
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
