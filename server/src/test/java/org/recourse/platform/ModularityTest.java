package org.recourse.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClass;
import org.junit.jupiter.api.Test;
import org.recourse.RecourseApplication;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module boundaries of the architecture, enforced: a module that reaches into another's
 * {@code internal} package, or a dependency cycle, fails the build. The module diagram is
 * generated from the code and must equal the one committed in {@code docs/modules}, so the
 * picture in the docs cannot drift from the code.
 */
class ModularityTest {

    /** Where the committed diagram lives, relative to the server module. */
    static final Path COMMITTED = Path.of("..", "docs", "modules");
    static final Path GENERATED = Path.of("target", "module-diagram");

    /**
     * The PDQ library ({@code org.recourse.pdq}, the {@code pdq/} Maven module) shares the base
     * package but is a plain library with a public API of its own, not an application module.
     */
    private final ApplicationModules modules = ApplicationModules.of(RecourseApplication.class,
            JavaClass.Predicates.resideInAPackage("org.recourse.pdq.."));

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void committedModuleDiagramMatchesTheCode() throws IOException {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(GENERATED.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml();

        List<String> stale = new ArrayList<>();
        List<Path> generated = diagrams(GENERATED);
        for (Path file : generated) {
            Path committed = COMMITTED.resolve(file.getFileName());
            if (!Files.exists(committed) || !sameLines(committed, file)) {
                stale.add(file.getFileName().toString());
            }
        }
        for (Path file : diagrams(COMMITTED)) {
            if (!Files.exists(GENERATED.resolve(file.getFileName()))) {
                stale.add(file.getFileName() + " (no such module any more)");
            }
        }
        assertThat(stale)
                .as("docs/modules is out of date; replace it with server/%s/*.puml and commit", GENERATED)
                .isEmpty();
    }

    /** Spring Modulith writes modules and relations in no fixed order, so the lines are compared as a set. */
    private static boolean sameLines(Path a, Path b) throws IOException {
        return Files.readAllLines(a).stream().sorted().toList().equals(Files.readAllLines(b).stream().sorted().toList());
    }

    private static List<Path> diagrams(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".puml")).sorted().toList();
        }
    }
}
