package org.recourse.assessment.internal.referrals;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.recourse.audit.AuditActor;
import org.recourse.directory.Directory;
import org.recourse.directory.Organisation;
import org.recourse.intake.CaseView;
import org.recourse.intake.Cases;
import org.recourse.intake.ReportedItem;
import org.recourse.intake.ReporterContact;
import org.recourse.platform.OutboxSender;
import org.recourse.platform.OutboxTopic;
import org.recourse.platform.OutgoingMail;
import org.recourse.taxonomy.Taxonomy;
import org.recourse.taxonomy.ViolenceForm;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * Mails a hand-off's referral summary: only what the victim's consent covers, never an image or a
 * reported address, in the organisation's language (Dutch unless it reads only English), with the
 * case number as the reference to answer with. A hand-off whose consent was withdrawn before it
 * was due is not sent.
 */
@Service
class MailingHandOffs implements OutboxSender {

    private final HandOffs handOffs;
    private final Cases cases;
    private final Directory directory;
    private final Taxonomy taxonomy;
    private final OutgoingMail mail;
    private final MessageSource messages;
    private final HandOffSettings settings;
    private final java.time.Clock clock;

    MailingHandOffs(HandOffs handOffs, Cases cases, Directory directory, Taxonomy taxonomy, OutgoingMail mail, MessageSource messages,
                    HandOffSettings settings, java.time.Clock clock) {
        this.handOffs = handOffs;
        this.cases = cases;
        this.directory = directory;
        this.taxonomy = taxonomy;
        this.mail = mail;
        this.messages = messages;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public OutboxTopic topic() {
        return HandingOff.TOPIC;
    }

    @Override
    public String deliver(UUID handOffId) throws Exception {
        Optional<HandOff> found = handOffs.find(handOffId);
        if (found.isEmpty() || found.get().status() != HandOffStatus.QUEUED) {
            return "not sent: " + found.map(h -> h.status().code()).orElse("gone");
        }
        HandOff handOff = found.get();
        Organisation organisation = directory.findByKey(handOff.organisation()).orElseThrow();
        Locale locale = organisation.languages().isEmpty() || organisation.languages().contains("nl") ? Locale.forLanguageTag("nl") : Locale.ENGLISH;
        CaseView view = cases.find(handOff.caseId()).orElseThrow();
        MimeMessage message = mail.message(handOff.messageId());
        message.setFrom(new InternetAddress(settings.senderEmail(), settings.senderName(), StandardCharsets.UTF_8.name()));
        message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(handOff.address(), true));
        message.setSubject(text("assessment.handoff.mail.subject", locale, settings.senderName(), view.caseNumber()),
                StandardCharsets.UTF_8.name());
        message.setText(body(handOff, view, locale), StandardCharsets.UTF_8.name());
        message.setHeader("X-Recourse-Reference", view.caseNumber());
        message.setHeader("Content-Language", locale.getLanguage());
        mail.send(message);
        return null;
    }

    /** The summary: who refers, what she agreed to share and nothing else, how to answer. */
    String body(HandOff handOff, CaseView view, Locale locale) {
        List<String> lines = new ArrayList<>();
        lines.add(text("assessment.handoff.mail.intro", locale, settings.senderName(), view.caseNumber()));
        lines.add("");
        for (SharedItem item : handOff.consentScope()) {
            switch (item) {
                case CONTACT -> {
                    List<Optional<ReporterContact>> holder = new ArrayList<>();
                    AuditActor.runAs("system:referral", () -> holder.add(cases.contactFor(handOff.caseId(), "referral to " + handOff.organisation())));
                    Optional<ReporterContact> contact = holder.getFirst();
                    lines.add(text("assessment.handoff.mail.contact", locale,
                            contact.map(c -> join(c.email(), c.phone())).orElse(text("assessment.handoff.mail.contact.none", locale))));
                }
                case FORMS -> lines.add(text("assessment.handoff.mail.forms", locale, String.join(", ", view.forms().stream()
                        .map(code -> taxonomy.find(code).map(f -> f.label(locale)).orElse(code)).toList())));
                case PLATFORMS -> lines.add(text("assessment.handoff.mail.platforms", locale, String.join(", ", cases.items(handOff.caseId())
                        .stream().map(ReportedItem::host).filter(h -> h != null && !h.isBlank()).distinct().sorted().toList())));
                case PROGRESS -> lines.add(text("assessment.handoff.mail.progress", locale,
                        text("assessment.handoff.stage." + view.status().name(), locale)));
            }
        }
        lines.add("");
        lines.add(text("assessment.handoff.mail.no-images", locale));
        lines.add(text("assessment.handoff.mail.answer", locale, view.caseNumber()));
        return String.join("\n", lines);
    }

    private static String join(String email, String phone) {
        return String.join(", ", java.util.stream.Stream.of(email, phone).filter(v -> v != null && !v.isBlank()).toList());
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    @Override
    public void delivered(UUID handOffId, String externalReference, Instant at) {
        handOffs.delivered(handOffId, at, settings.followUpAfter());
    }

    @Override
    public void failed(UUID handOffId, String reason, boolean gaveUp, Instant retryAt) {
        if (gaveUp) {
            handOffs.move(handOffId, List.of(HandOffStatus.QUEUED), HandOffStatus.FAILED, clock.instant(), null);
        }
    }
}
