package org.recourse.evidence.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.UUID;

import org.recourse.support.TestStaff;

/** Lets tests in other evidence packages upload over HTTP like the case page does. */
public final class VaultHttpAccess {

    private VaultHttpAccess() {
    }

    public static void uploadAsAnalyst(int port, TestStaff.Account analyst, UUID caseId, String filename, HttpRequest.BodyPublisher body) {
        VaultHttp http = new VaultHttp(port).signIn(analyst);
        http.get("/staff");
        VaultHttp.Response response = http.put("/staff/evidence/cases/" + caseId + "/files", "text/plain", filename, body);
        assertThat(response.status()).as(response.text()).isEqualTo(201);
    }
}
