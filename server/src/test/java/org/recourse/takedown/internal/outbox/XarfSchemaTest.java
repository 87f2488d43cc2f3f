package org.recourse.takedown.internal.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.recourse.support.XarfSchema;
import org.recourse.takedown.internal.notices.NoticeContent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every X-ARF report Recourse writes validates against the official XARF v4 schemas of the version
 * it claims (mirrored from xarf/xarf-spec), and forms XARF has no type for get no report at all.
 */
class XarfSchemaTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant DECIDED = Instant.parse("2026-03-04T10:15:30.123Z");

    private static NoticeContent.Item item(String url, String substantiation, String... forms) {
        return new NoticeContent.Item(url, List.of("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"),
                "ILLEGAL", List.of("art. 285d Sr"), substantiation, List.of(forms), DECIDED);
    }

    private static NoticeContent content(NoticeContent.Item... items) {
        return new NoticeContent("TD-7K3MQ9TXAB", "Forum B.V.", true, "Helpwanted", "meldingen@helpwanted.nl", List.of(items));
    }

    private static JsonNode tree(Map<String, Object> report) {
        return JSON.readTree(JSON.writeValueAsBytes(report));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "https://forum.example/thread/123?page=2#post-9",
            "http://203.0.113.7:8080/paste/abc",
            "https://xn--bcher-kva.example/d%C3%B6xing",
            "https://sub.domain.example.co.uk/p"})
    void aDoxingItemIsAValidExposedDataReport(String url) {
        List<Map<String, Object>> reports = XarfReports.reports("TD-7K3MQ9TXAB",
                content(item(url, "Naam, adres en werkgever van melder gepubliceerd om haar te intimideren.", "doxing")));

        assertThat(reports).hasSize(1);
        JsonNode report = tree(reports.getFirst());
        assertThat(XarfSchema.violations(report)).isEmpty();
        assertThat(report.get("xarf_version").asString()).isEqualTo("4.2.0");
        assertThat(report.get("category").asString()).isEqualTo("content");
        assertThat(report.get("type").asString()).isEqualTo("exposed_data");
        assertThat(report.get("data_types").get(0).asString()).isEqualTo("personal_information");
        assertThat(report.get("url").asString()).isEqualTo(url);
        assertThat(report.get("reporter").get("contact").asString()).isEqualTo("meldingen@helpwanted.nl");
    }

    @Test
    void aLongOrHostileExplanationStillValidatesAndIsCutAtTheSchemasLimit() {
        String hostile = "<script>alert(1)</script> =HYPERLINK(\"http://x\") \"quoted\" \\ 😀 ".repeat(60);
        JsonNode report = tree(XarfReports.reports("TD-7K3MQ9TXAB",
                content(item("https://forum.example/t/1", hostile, "doxing", "cyberstalking"))).getFirst());

        assertThat(XarfSchema.violations(report)).isEmpty();
        String description = report.get("description").asString();
        assertThat(description.codePointCount(0, description.length())).isEqualTo(1000);
        assertThat(description).startsWith("<script>alert(1)</script>").endsWith("…");
    }

    @Test
    void onlyDoxingItemsGetAReportAndEachKeepsItsIdentifierAcrossAttempts() {
        NoticeContent mixed = content(item("https://forum.example/a", "Intiem beeld.", "non_consensual_sharing"),
                item("https://forum.example/b", "Adres gepubliceerd.", "doxing"),
                item("https://forum.example/c", "Deepfake.", "deepfake"));

        List<Map<String, Object>> reports = XarfReports.reports("TD-7K3MQ9TXAB", mixed);

        assertThat(reports).extracting(r -> r.get("url")).containsExactly("https://forum.example/b");
        assertThat(XarfReports.reports("TD-7K3MQ9TXAB", mixed).getFirst().get("report_id"))
                .isEqualTo(reports.getFirst().get("report_id"));
        assertThat(XarfReports.reports("TD-OTHER00001", mixed).getFirst().get("report_id"))
                .isNotEqualTo(reports.getFirst().get("report_id"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"non_consensual_sharing", "deepfake", "sextortion", "cyberstalking", "something_else"})
    void formsXarfHasNoTypeForGetNoReport(String form) {
        assertThat(XarfReports.reports("TD-7K3MQ9TXAB", content(item("https://forum.example/a", "x", form)))).isEmpty();
    }

    @Test
    void aNoticeWithoutANamedNotifierGetsNoReportBecauseXarfRequiresOne() {
        NoticeContent anonymous = new NoticeContent("TD-7K3MQ9TXAB", "Forum B.V.", false, null, null,
                List.of(item("https://forum.example/a", "x", "doxing")));

        assertThat(XarfReports.reports("TD-7K3MQ9TXAB", anonymous)).isEmpty();
    }

    @Test
    void theSchemaCatchesTheFormatRecourseUsedToSend() {
        JsonNode old = JSON.readTree("""
                {"Version": "4", "ReporterInfo": {"ReporterOrg": "Helpwanted", "ReporterOrgEmail": "m@helpwanted.nl"},
                 "Disclosure": true, "Report": {"ReportClass": "Content", "ReportType": "illegal_content",
                 "Date": "2026-03-04T10:15:30Z", "SourceType": "url", "Source": "https://forum.example/a"}}""");

        assertThat(XarfSchema.violations(old)).isNotEmpty();
    }

    @Test
    void theSchemaCatchesABrokenReport() {
        Map<String, Object> report = new java.util.LinkedHashMap<>(XarfReports.reports("TD-7K3MQ9TXAB",
                content(item("https://forum.example/a", "x", "doxing"))).getFirst());
        report.put("report_id", "not-a-uuid");
        report.remove("exposure_method");

        assertThat(XarfSchema.violations(tree(report))).hasSizeGreaterThanOrEqualTo(2);
    }
}
