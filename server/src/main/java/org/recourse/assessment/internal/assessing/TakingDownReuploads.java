package org.recourse.assessment.internal.assessing;

import java.util.Locale;

import org.recourse.audit.AuditActor;
import org.recourse.matching.ReuploadConfirmed;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * When an analyst confirms that an image found elsewhere is a re-upload of a case's material, the new
 * address goes the way of the case's earlier take-down decision (see {@link AssessingItem#takeDownReupload}),
 * recorded in the name of the analyst who confirmed it, with a note (in the hotline's language) saying so.
 */
@Component
class TakingDownReuploads {

    private final AssessingItem assessing;
    private final MessageSource messages;

    TakingDownReuploads(AssessingItem assessing, MessageSource messages) {
        this.assessing = assessing;
        this.messages = messages;
    }

    @ApplicationModuleListener
    void on(ReuploadConfirmed confirmed) {
        AuditActor.runAs(confirmed.confirmedBy(), () -> assessing.takeDownReupload(confirmed.originalCaseId(), confirmed.url(),
                confirmed.confirmedBy(), messages.getMessage("assessment.reupload.note", new Object[] {confirmed.distance()},
                        Locale.forLanguageTag("nl"))));
    }
}
