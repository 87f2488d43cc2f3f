package org.recourse.intake.internal.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.recourse.RecourseTest;
import org.recourse.audit.AuditActor;
import org.recourse.intake.PartnerKeyChain;
import org.recourse.intake.internal.IntakeSettings;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Each key has its own token bucket: past its burst a key gets 429 with Retry-After, others do not. */
@RecourseTest
class ApiRateLimitTest {

    @Autowired
    ApiKeys keys;

    @Autowired
    ApiProblems problems;

    @Autowired
    IntakeSettings settings;

    private int call(PartnerKeyChain.KeyFilter filter, String key, MockHttpServletResponse response) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/reports");
        request.addHeader("Authorization", "Bearer " + key);
        filter.doFilter(request, response, new MockFilterChain());
        return response.getStatus();
    }

    @Test
    void aKeyPastItsBurstIsToldWhenToRetry() throws Exception {
        IntakeSettings.Api slow = new IntakeSettings.Api(2, settings.api().idempotencyRetention(), 10, 1, 1, settings.api().maxWait(), settings.api().batchWindow());
        var filter = new PartnerKeyChain.KeyFilter(keys, problems, slow.requestsPerSecond(),
                new InFlightAdmission(new IntakeSettings(settings.form(), settings.status(), slow, settings.importing(), settings.mailbox()), problems));
        String busy = AuditActor.supplyAs("test", () -> keys.create("Busy " + UUID.randomUUID(), Set.of(ApiKeys.SCOPE_SUBMIT), "test")).plainKey();
        String quiet = AuditActor.supplyAs("test", () -> keys.create("Quiet " + UUID.randomUUID(), Set.of(ApiKeys.SCOPE_SUBMIT), "test")).plainKey();

        for (int i = 0; i < 4; i++) {
            assertThat(call(filter, busy, new MockHttpServletResponse())).isEqualTo(200);
        }
        MockHttpServletResponse refused = new MockHttpServletResponse();
        assertThat(call(filter, busy, refused)).isEqualTo(429);
        assertThat(refused.getHeader("Retry-After")).isNotBlank();
        assertThat(refused.getContentType()).startsWith("application/problem+json");
        assertThat(call(filter, quiet, new MockHttpServletResponse())).isEqualTo(200);
    }
}
