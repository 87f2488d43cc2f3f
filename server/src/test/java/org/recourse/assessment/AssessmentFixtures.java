package org.recourse.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.recourse.assessment.internal.assessing.Outcome;
import org.recourse.assessment.internal.assessing.Submission;
import org.recourse.assessment.internal.questions.Question;
import org.recourse.assessment.internal.questions.QuestionSetVersion;
import org.recourse.assessment.internal.questions.QuestionSets;
import org.recourse.intake.Cases;
import org.recourse.routing.LegalStatus;
import org.recourse.support.Eventually;
import org.recourse.support.StaffHttp;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reports made through the public form (so the queue is fed by the real event), and valid
 * assessment submissions for the current question sets.
 */
public final class AssessmentFixtures {

    private final int port;
    private final JdbcClient jdbc;
    private final Cases cases;
    private final QuestionSets questionSets;

    public AssessmentFixtures(int port, JdbcClient jdbc, Cases cases, QuestionSets questionSets) {
        this.port = port;
        this.jdbc = jdbc;
        this.cases = cases;
        this.questionSets = questionSets;
    }

    public record Reported(UUID caseId, String caseNumber, List<UUID> entries) {
        public UUID entry() {
            return entries.getFirst();
        }
    }

    /** Someone reports on the public form; {@code fields} are extra form fields such as {@code started}. */
    public Reported report(String form, List<String> urls, Map<String, String> fields) {
        StaffHttp reporter = new StaffHttp(port);
        reporter.get("/melden");
        List<String[]> all = new ArrayList<>();
        all.add(new String[] {"reporterType", "self"});
        all.add(new String[] {"forms", form});
        all.add(new String[] {"urls", String.join("\n", urls)});
        fields.forEach((k, v) -> all.add(new String[] {k, v}));
        all.add(new String[] {"_csrf", reporter.csrfToken()});
        String body = all.stream().map(f -> enc(f[0]) + "=" + enc(f[1])).collect(Collectors.joining("&"));
        StaffHttp.Page sent = reporter.send(HttpRequest.newBuilder(URI.create(reporter.baseUrl() + "/melden"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(sent.status()).as(sent.body()).isEqualTo(303);
        StaffHttp.Page page = reporter.get(sent.location());
        String caseNumber = page.document().getElementById("case-number").text();
        UUID caseId = cases.findByNumber(caseNumber).orElseThrow().id();
        return new Reported(caseId, caseNumber, queued(caseId, urls.size()));
    }

    /** The queue is fed after the report commits, by an event listener: wait for it. */
    private List<UUID> queued(UUID caseId, int expected) {
        Supplier<List<UUID>> entries = () -> jdbc.sql("select id from assessment_entry where case_id = ? order by id")
                .param(caseId).query(UUID.class).list();
        Eventually.await("the report is queued", Duration.ofSeconds(20), () -> entries.get().size() >= Math.max(1, expected));
        List<UUID> queued = entries.get();
        assertThat(queued).as("queued entries of case " + caseId).hasSize(Math.max(1, expected));
        return queued;
    }

    public Reported report(String form, String url) {
        return report(form, List.of(url), Map.of());
    }

    public static String url(String label) {
        return "https://" + label + ".example/" + UUID.randomUUID();
    }

    /** The first option of every choice question and a line of text for open ones. */
    Map<UUID, List<String>> answers() {
        Map<UUID, List<String>> answers = new LinkedHashMap<>();
        for (QuestionSetVersion set : questionSets.current()) {
            for (Question q : set.questions()) {
                answers.put(q.id(), List.of(q.choice() ? q.options().getFirst() : "answered"));
            }
        }
        return answers;
    }

    public Submission submission(Outcome outcome, String substantiation, String note) {
        return new Submission(LegalStatus.ILLEGAL, List.of("non_consensual_sharing"), List.of("sr-139h"), substantiation,
                false, answers(), new Submission.DecisionRequest(outcome, note, List.of()));
    }

    /** The assessment form as a browser posts it, answering every current question. */
    public Map<String, List<String>> formFields(String outcome, String substantiation, String note) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        fields.put("legalStatus", List.of("ILLEGAL"));
        fields.put("form", List.of("non_consensual_sharing"));
        fields.put("ground", List.of("sr-139h"));
        fields.put("substantiation", List.of(substantiation));
        fields.put("outcome", List.of(outcome));
        fields.put("note", List.of(note));
        answers().forEach((id, answer) -> fields.put("q-" + id, answer));
        return fields;
    }

    public static StaffHttp.Page post(StaffHttp http, String path, Map<String, List<String>> fields) {
        List<String> pairs = new ArrayList<>();
        fields.forEach((k, values) -> values.forEach(v -> pairs.add(enc(k) + "=" + enc(v))));
        pairs.add("_csrf=" + enc(http.csrfToken()));
        return http.send(HttpRequest.newBuilder(URI.create(http.baseUrl() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(String.join("&", pairs))));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
