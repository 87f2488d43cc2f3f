package org.recourse.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.recourse.RecourseTest;
import org.recourse.statistics.internal.disclosure.Auditing;
import org.recourse.statistics.internal.disclosure.CellStatus;
import org.recourse.statistics.internal.disclosure.ProtectedRelease;
import org.recourse.statistics.internal.disclosure.Suppressing;
import org.recourse.statistics.internal.export.Exporting;
import org.recourse.statistics.internal.export.Releases;
import org.recourse.statistics.internal.presets.Preset;
import org.recourse.statistics.internal.measures.Cell;
import org.recourse.statistics.internal.measures.CellKey;
import org.recourse.statistics.internal.measures.Dimension;
import org.recourse.statistics.internal.measures.Measure;
import org.recourse.statistics.internal.measures.Period;
import org.recourse.statistics.internal.measures.Table;
import org.recourse.statistics.internal.measures.TableSpec;
import org.recourse.statistics.internal.measures.Tabulating;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Disclosure control on figures computed by the real read model in PostgreSQL. In March 2031 45
 * cases came in: 30 about women, 12 about men, 3 about non-binary people. The 3 is small and
 * suppressed; the 12 is not small, but published beside the total 45 and the 30 it would give
 * the 3 away, so secondary suppression hides it as well, in every table of the release.
 */
@RecourseTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DisclosureControlTest {

    static final Period MARCH = Period.parse("2031-03").orElseThrow();
    static final Instant IN_MARCH = Instant.parse("2031-03-14T10:00:00Z");

    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    Tabulating tabulating;
    @Autowired
    Suppressing suppressing;
    @Autowired
    Releases releases;
    @Autowired
    Exporting exporting;
    @TempDir
    Path dir;

    @BeforeAll
    void cases() {
        StatisticsFixtures fixtures = new StatisticsFixtures(jdbc, events, transactions);
        fixtures.cases(30, new StatisticsFixtures.CaseFacts(IN_MARCH, "web_form", "deepfake", "woman", "25_34", "ex_partner",
                "no", "Utrecht"));
        fixtures.cases(12, new StatisticsFixtures.CaseFacts(IN_MARCH, "web_form", "sextortion", "man", "25_34", "stranger",
                "no", "Den Haag"));
        fixtures.cases(3, new StatisticsFixtures.CaseFacts(IN_MARCH, "chat", "deepfake", "non_binary", "25_34", "ex_partner",
                "yes", "Bergen"));
    }

    CellKey cases(Dimension d, String category) {
        return new CellKey(Measure.CASES, Map.of(d, category));
    }

    @Test
    void aCellThatIsNotSmallIsHiddenWhenItWouldGiveASmallOneAway() {
        Table byGender = tabulating.table(TableSpec.of(Measure.CASES, Dimension.GENDER), MARCH);
        assertThat(byGender.total().value()).isEqualTo(45.0);
        assertThat(byGender.cell(cases(Dimension.GENDER, "man")).value()).isEqualTo(12.0);

        ProtectedRelease release = suppressing.protect(MARCH, List.of(byGender), EnumSet.allOf(Source.class));

        Cell nonBinary = byGender.cell(cases(Dimension.GENDER, "non_binary"));
        Cell man = byGender.cell(cases(Dimension.GENDER, "man"));
        assertThat(release.status(nonBinary)).isEqualTo(CellStatus.PRIMARY);
        assertThat(release.shown(nonBinary)).isEqualTo("<10");
        assertThat(release.status(man)).as("12 is protected only by secondary suppression").isEqualTo(CellStatus.SECONDARY);
        assertThat(release.shown(man)).isEqualTo("<10");
        assertThat(release.shown(byGender.cell(cases(Dimension.GENDER, "woman")))).isEqualTo("30");
        assertThat(release.shown(byGender.total())).isEqualTo("45");
        assertThat(release.shown(byGender.cell(cases(Dimension.GENDER, "prefer_not_to_say")))).isEqualTo("0");
        assertThat(Auditing.exposed(release)).isEmpty();
    }

    @Test
    void withoutSecondarySuppressionTheSmallCellWouldBeRecoveredAndSoTheExportIsNotWritten() throws Exception {
        Table byGender = tabulating.table(TableSpec.of(Measure.CASES, Dimension.GENDER), MARCH);
        ProtectedRelease protectedOnce = suppressing.protect(MARCH, List.of(byGender), EnumSet.allOf(Source.class));
        Map<CellKey, CellStatus> primaryOnly = new java.util.HashMap<>(protectedOnce.status());
        primaryOnly.values().removeIf(s -> s == CellStatus.SECONDARY);
        ProtectedRelease careless = new ProtectedRelease(MARCH, List.of(byGender), primaryOnly, protectedOnce.settings(),
                protectedOnce.recorded());
        assertThat(Auditing.exposed(careless)).containsExactly(cases(Dimension.GENDER, "non_binary"));

        Path target = dir.resolve("careless.csv");
        Preset preset = new Preset("by-gender", "Cases by gender", List.of(byGender.spec()));
        assertThatThrownBy(() -> exporting.write(preset, careless, Exporting.Format.CSV, target))
                .isInstanceOf(Exporting.ExportRefused.class).hasMessageContaining("1 suppressed cell(s) could be worked out");
        assertThat(target).doesNotExist();
        assertThat(dir.resolve("careless.csv.method.txt")).doesNotExist();
        try (var files = java.nio.file.Files.list(dir)) {
            assertThat(files).as("no partial file either").isEmpty();
        }
    }

    @Test
    void theSameCellIsHiddenInEveryTableOfTheRelease() {
        ProtectedRelease release = releases.of(MARCH);
        List<Table> withMen = release.tables().stream()
                .filter(t -> t.spec().measure() == Measure.CASES && t.spec().dimensions().contains(Dimension.GENDER)).toList();
        assertThat(withMen).as("the GREVIO and CBS presets break cases down by gender, alone and with age").hasSizeGreaterThan(0);
        for (Table t : withMen) {
            Map<Dimension, String> men = new java.util.HashMap<>();
            t.spec().dimensions().forEach(d -> men.put(d, Dimension.TOTAL));
            men.put(Dimension.GENDER, "man");
            assertThat(release.shown(t.cell(new CellKey(Measure.CASES, men)))).as(t.spec().toString()).isEqualTo("<10");
        }
        assertThat(Auditing.exposed(release)).isEmpty();
        release.tables().forEach(t -> t.cells().forEach(c -> {
            if (c.key().measure().kind() == Measure.Kind.COUNT && c.value() > 0 && c.value() < 10) {
                assertThat(release.shown(c)).as(c.key().toString()).isEqualTo("<10");
            }
        }));
    }

    @Test
    void municipalitiesAreMatchedToTheCbsListAndAnAmbiguousNameIsUnknown() {
        Table byProvince = tabulating.table(TableSpec.of(Measure.CASES, Dimension.PROVINCE), MARCH);
        assertThat(byProvince.cell(cases(Dimension.PROVINCE, "Utrecht")).value()).isEqualTo(30.0);
        assertThat(byProvince.cell(cases(Dimension.PROVINCE, "Zuid-Holland")).value()).as("Den Haag").isEqualTo(12.0);
        assertThat(byProvince.cell(cases(Dimension.PROVINCE, "unknown")).value()).as("Bergen: NH or L").isEqualTo(3.0);
        assertThat(byProvince.cell(cases(Dimension.PROVINCE, "Limburg")).value()).isEqualTo(0.0);
    }
}
