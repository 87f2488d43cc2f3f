package org.recourse.intake.internal.mailbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.recourse.intake.Channel;

class MailBodyTest {

    @Test
    void readsAListOfReports() throws Exception {
        var reports = MailBody.reports("""
                reports:
                  - url: https://a.example/1
                    forms: [deepfake, doxing]
                    reporter_type: professional
                    minor: no
                    reference: P-1
                  - urls:
                      - https://a.example/2
                      - https://a.example/3
                    description: found during monitoring
                """, "Partner X", "Org");
        assertThat(reports).hasSize(2);
        var first = reports.getFirst();
        assertThat(first.channel()).isEqualTo(Channel.MAILBOX);
        assertThat(first.forms()).containsExactly("deepfake", "doxing");
        assertThat(first.minor()).isEqualTo("no");
        assertThat(first.origin().source()).isEqualTo("Partner X");
        assertThat(first.origin().externalReference()).isEqualTo("P-1");
        assertThat(reports.get(1).items()).extracting(i -> i.url()).containsExactly("https://a.example/2", "https://a.example/3");
        assertThat(reports.get(1).description()).isEqualTo("found during monitoring");
    }

    @Test
    void readsASingleReportAndUrlLists() throws Exception {
        assertThat(MailBody.reports("url: https://a.example/1\n", null, null)).hasSize(1);
        assertThat(MailBody.urls("urls:\n  - https://a.example/1\n  - https://a.example/2\n")).hasSize(2);
        assertThat(MailBody.urls("- https://a.example/1\n")).containsExactly("https://a.example/1");
    }

    @Test
    void refusesTagsAliasesAndNonsense() {
        assertThatThrownBy(() -> MailBody.reports("!!javax.script.ScriptEngineManager [x]", null, null))
                .isInstanceOf(MailBody.Unreadable.class);
        assertThatThrownBy(() -> MailBody.reports("a: &x [1]\nb: *x\n", null, null)).isInstanceOf(MailBody.Unreadable.class);
        assertThatThrownBy(() -> MailBody.reports("just text", null, null)).isInstanceOf(MailBody.Unreadable.class);
        assertThatThrownBy(() -> MailBody.reports("url: {nested: 1}", null, null)).isInstanceOf(MailBody.Unreadable.class);
    }

    @Test
    void theSubjectSelectsTheAction() {
        assertThat(MailSubject.parse("New reports")).contains(new MailSubject(MailSubject.Action.NEW_REPORTS, null));
        assertThat(MailSubject.parse("new reports from Offlimits Monitor"))
                .contains(new MailSubject(MailSubject.Action.NEW_REPORTS, "Offlimits Monitor"));
        assertThat(MailSubject.parse("Nieuwe meldingen")).isPresent();
        assertThat(MailSubject.parse("Content removed")).contains(new MailSubject(MailSubject.Action.CONTENT_REMOVED, null));
        assertThat(MailSubject.parse("content unavailable"))
                .contains(new MailSubject(MailSubject.Action.CONTENT_UNAVAILABLE, null));
        assertThat(MailSubject.parse("Re: new reports")).isEmpty();
        assertThat(MailSubject.parse("hello")).isEmpty();
    }
}
