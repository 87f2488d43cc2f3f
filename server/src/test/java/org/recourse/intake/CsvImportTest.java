package org.recourse.intake;

import static org.recourse.support.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.recourse.RecourseTest;
import org.recourse.accounts.StaffRole;
import org.recourse.support.StaffHttp;
import org.recourse.support.TestStaff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A staff member uploads a CSV file and follows the background import to its error report. */
@RecourseTest
class CsvImportTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private StaffHttp analyst() {
        StaffHttp http = new StaffHttp(port);
        http.signIn(new TestStaff(jdbc).create(StaffRole.ANALYST));
        return http;
    }

    private Document waitUntilFinished(StaffHttp http, String jobPath) throws InterruptedException {
        await("the import finishes", Duration.ofMinutes(3), () -> {
            String status = http.get(jobPath + "/progress").document().getElementById("import-status").text();
            return status.equals("Klaar") || status.equals("Mislukt");
        });
        return http.get(jobPath).document();
    }

    @Test
    void tenThousandLinesWithThreeBadOnesReportExactlyThoseThree() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        StringBuilder csv = new StringBuilder("URL;REFERER;WORKUSER-EMAIL;REFERENCE;SOURCE;TYPE\n");
        for (int line = 2; line <= 10_001; line++) {
            switch (line) {
                case 1_000 -> csv.append("=HYPERLINK(\"http://evil.example\");;;bad-").append(run).append(";;\n");
                case 5_000 -> csv.append("https://import.example/").append(run).append("/").append(line)
                        .append(";;;;;not_a_form\n");
                case 9_999 -> csv.append(";https://ref.example/;;missing-url;;\n");
                default -> csv.append("https://import.example/").append(run).append("/").append(line)
                        .append(";;analyst@hotline.example;").append(run).append(";INHOPE;deepfake\n");
            }
        }
        StaffHttp http = analyst();
        Document form = http.get("/staff/intake/imports").document();
        assertThat(form.text()).contains("geldige regels worden meldingen");
        StaffHttp.Page uploaded = Forms.upload(http, "/staff/intake/imports", "file", "batch.csv",
                csv.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(uploaded.status()).isEqualTo(302);
        String jobPath = uploaded.location().replaceFirst("^https?://[^/]+", "");
        assertThat(jobPath).startsWith("/staff/intake/imports/");
        assertThat(http.get(jobPath).document().getElementById("import-progress")).isNotNull();

        Document done = waitUntilFinished(http, jobPath);
        assertThat(done.getElementById("import-status").text()).isEqualTo("Klaar");
        assertThat(done.text()).contains("10.000 van 10.000 regels verwerkt: 9.997 aangenomen, 3 afgewezen.");
        assertThat(jdbc.sql("select count(*) from intake_case where external_reference = ?").param(run)
                .query(Integer.class).single()).isEqualTo(9_997);

        String report = http.get(jobPath + "/errors.csv").body();
        List<String> rows = report.lines().skip(1).toList();
        assertThat(rows).extracting(row -> row.substring(1, row.indexOf('"', 1))).containsExactly("1000", "5000", "9999");
        assertThat(rows.get(0)).startsWith("\"1000\";\"URL\";").contains("\"'=HYPERLINK(");
        assertThat(rows.get(1)).startsWith("\"5000\";\"TYPE\";");
        assertThat(rows.get(2)).startsWith("\"9999\";\"URL\";");
        assertThat(rows).noneMatch(row -> row.contains(";\"="));
    }

    @Test
    void ourOwnFormatWithAnUnknownColumnFailsWithTheReason() throws Exception {
        StaffHttp http = analyst();
        http.get("/staff/intake/imports");
        StaffHttp.Page uploaded = Forms.upload(http, "/staff/intake/imports", "file", "own.csv",
                "url,colour\nhttps://own.example/1,red\n".getBytes(StandardCharsets.UTF_8));
        Document done = waitUntilFinished(http, uploaded.location().replaceFirst("^https?://[^/]+", ""));
        assertThat(done.getElementById("import-status").text()).isEqualTo("Mislukt");
        assertThat(done.getElementById("import-error").text()).contains("colour");
    }
}
