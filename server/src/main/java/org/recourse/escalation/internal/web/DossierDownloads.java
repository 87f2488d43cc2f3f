package org.recourse.escalation.internal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.recourse.audit.AuditActor;
import org.recourse.escalation.internal.dossier.WritingDossiers;
import org.recourse.escalation.internal.requests.RequestRefused;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * A dossier as a download, for staff and for the authority's liaison alike: gathered first (a
 * refusal goes back to the request page with its reason), then streamed, never cached; each
 * download is written to the audit trail under the person who took it.
 */
@Component
class DossierDownloads {

    private final WritingDossiers dossiers;

    DossierDownloads(WritingDossiers dossiers) {
        this.dossiers = dossiers;
    }

    ResponseEntity<StreamingResponseBody> download(String reference, String actor, String backTo, HttpServletRequest request,
                                                   HttpServletResponse response) {
        WritingDossiers.Prepared prepared;
        try {
            prepared = AuditActor.supplyAs(actor, () -> {
                try {
                    return dossiers.prepare(reference);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        } catch (RequestRefused refused) {
            RequestContextUtils.getOutputFlashMap(request).put("requestError", refused.messageKey());
            RequestContextUtils.saveOutputFlashMap(backTo, request, response);
            return ResponseEntity.status(HttpStatus.SEE_OTHER).header(HttpHeaders.LOCATION, backTo).build();
        }
        StreamingResponseBody body = out -> AuditActor.runAs(actor, () -> {
            try {
                dossiers.write(prepared, out);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("dossier-" + prepared.reference() + ".zip").build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(body);
    }
}
