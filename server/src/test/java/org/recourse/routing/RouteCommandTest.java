package org.recourse.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.recourse.RecourseTest;
import org.recourse.platform.CliCommand;
import org.springframework.beans.factory.annotation.Autowired;

/** {@code ./recourse route} prints the ordered advice with reasons, or says what is wrong with the input. */
@RecourseTest
class RouteCommandTest {

    @Autowired
    List<CliCommand> commands;

    @Test
    void printsWhoCanActAndWhereToReferInOrderWithReasons() {
        Output result = run("--platform", "instagram", "--age", "adult", "--form", "non_consensual_sharing",
                "--relationship", "ex-partner", "--days-ago", "3");

        assertThat(result.exit()).isZero();
        assertThat(result.out()).contains("Instagram — gevestigd in IE; VLOP; videoplatform; trusted flagger");
        assertThat(result.out()).containsSubsequence(
                "Wie kan optreden:",
                "1. Instagram [melding]", "Ons meldpunt werkt als betrouwbare flagger",
                "2. Politie [politie]",
                "3. Autoriteit Consument & Markt → Coimisiún na Meán [toezichthouder]", "Instagram is gevestigd in Ierland",
                "4. Europese Commissie [toezichthouder]",
                "5. Autoriteit Persoonsgegevens → Data Protection Commission [toezichthouder]",
                "Doorverwijzen:",
                "1. Centrum Seksueel Geweld (0800-0188)  SPOED", "in de afgelopen 7 dagen gebeurd",
                "2. Veilig Thuis (0800-2000)",
                "3. Politie (0900-8844)",
                "4. Slachtofferhulp Nederland (0900-0101)");
    }

    @Test
    void speaksEnglishOnRequestAndPutsTheCsamRouteFirstForMinors() {
        Output result = run("--platform", "www.snapchat.com", "--age", "minor", "--form", "non_consensual_sharing", "--lang", "en");

        assertThat(result.exit()).isZero();
        assertThat(result.out()).containsSubsequence("Who can act:",
                "1. Meldpunt Kinderporno [CSAM]  URGENT", "child sexual abuse material",
                "2. Politie [police]  URGENT",
                "3. Autoriteit online Terroristisch en Kinderpornografisch Materiaal [regulator]  URGENT",
                "Referrals:");
        assertThat(result.out()).doesNotContain("[notice]");
    }

    @Test
    void helpListsThePlatformsInTheDirectoryAndTheForms() {
        Output result = run("--help");

        assertThat(result.exit()).isZero();
        assertThat(result.out()).contains("  Instagram", "  X (Twitter", "  Telegram", "  Pornhub", "  sextortion",
                "  child_sexual_abuse_material", "--days-ago N");
        assertThat(result.out()).doesNotContain("  Politie");
    }

    @Test
    void badInputGetsAClearMessageAndANonZeroExit() {
        Output unknownPlatform = run("--platform", "MySpace", "--age", "adult", "--form", "doxing");
        assertThat(unknownPlatform.exit()).isEqualTo(2);
        assertThat(unknownPlatform.err()).contains("error: --platform: 'MySpace' is not a name or domain in the directory");

        Output badForm = run("--platform", "X", "--age", "elderly", "--form", "revenge", "--days-ago", "soon");
        assertThat(badForm.exit()).isEqualTo(2);
        assertThat(badForm.err()).contains("error: --age: 'elderly' is not one of adult, minor",
                "error: --form: 'revenge' is not a form of violence", "error: --days-ago: 'soon' is not a whole number");

    }

    @Test
    void thePlatformIsOptionalForAdviceBeforeAnyoneKnowsWhereTheImagesAre() {
        Output result = run("--age", "adult", "--form", "cyberstalking", "--relationship", "ex-partner", "--lang", "en");

        assertThat(result.exit()).isZero();
        assertThat(result.out()).contains("Platform: not known");
        assertThat(result.out()).containsSubsequence("Who can act:", "1. Politie [police]",
                "Referrals:", "1. Veilig Thuis (0800-2000)");
    }

    private Output run(String... args) {
        CliCommand route = commands.stream().filter(c -> c.name().equals("route")).findFirst().orElseThrow();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = route.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Output(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Output(int exit, String out, String err) {
    }
}
