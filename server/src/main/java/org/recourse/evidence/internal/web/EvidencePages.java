package org.recourse.evidence.internal.web;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.recourse.evidence.EvidenceVault;
import org.recourse.evidence.internal.EvidenceObject;
import org.recourse.evidence.internal.EvidenceObjects;
import org.recourse.evidence.internal.EvidenceSeals;
import org.recourse.evidence.internal.ShowingEvidence;
import org.recourse.evidence.internal.StoringEvidence;
import org.recourse.evidence.internal.capture.CaptureRequests;
import org.recourse.platform.CaseRef;
import org.recourse.platform.CaseRefs;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff pages for a case's evidence. Content is served only through this controller, never
 * cached, every serving audited; images and video are shown blurred and grey until someone
 * deliberately reveals them, and that reveal is audited too.
 */
@Controller
class EvidencePages {

    private final EvidenceObjects objects;
    private final CaptureRequests captures;
    private final StoringEvidence storing;
    private final ShowingEvidence showing;
    private final ActingUser user;
    private final CaseRefs refs;
    private final RecentEvidence recentCases;
    private final EvidenceSeals seals;
    private final long maxUpload;

    EvidencePages(EvidenceObjects objects, CaptureRequests captures, StoringEvidence storing,
                  ShowingEvidence showing, ActingUser user, CaseRefs refs,
                  RecentEvidence recentCases, EvidenceSeals seals, @Value("${recourse.evidence.max-upload}") DataSize maxUpload) {
        this.objects = objects;
        this.captures = captures;
        this.storing = storing;
        this.showing = showing;
        this.user = user;
        this.refs = refs;
        this.recentCases = recentCases;
        this.seals = seals;
        this.maxUpload = maxUpload.toBytes();
    }

    /** Cases with recent evidence, by case number, and finding a case's evidence by its number. */
    @GetMapping("/staff/evidence")
    String index(@RequestParam(required = false) String caseNumber, Model model) {
        if (caseNumber != null && !caseNumber.isBlank()) {
            Optional<CaseRef> found = refs.byNumber(caseNumber);
            if (found.isPresent()) {
                return "redirect:" + found.get().href(EvidenceSection.ANCHOR);
            }
            model.addAttribute("caseNumberError", true);
        }
        model.addAttribute("recent", recentCases.recent(20));
        return "evidence/index";
    }

    /** The case's evidence had a page here before the case had one page. */
    @GetMapping("/staff/evidence/cases/{caseId}")
    ResponseEntity<Void> casePage(@PathVariable UUID caseId) {
        return refs.byId(caseId).map(ref -> ref.movedHere(EvidenceSection.ANCHOR))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    @PostMapping("/staff/evidence/cases/{caseId}/captures")
    String requestCapture(@PathVariable UUID caseId, @RequestParam(defaultValue = "") String url, RedirectAttributes redirect) {
        String trimmed = url.trim();
        if (trimmed.isEmpty() || trimmed.length() > 2000 || !trimmed.matches("(?i)https?://\\S+")) {
            redirect.addFlashAttribute("urlError", true);
            redirect.addFlashAttribute("url", url.length() > 2000 ? url.substring(0, 2000) : url);
        } else {
            captures.request(List.of(new EvidenceVault.CaptureTarget(caseId, null, trimmed)));
            redirect.addFlashAttribute("captureRequested", true);
        }
        return "redirect:" + casePageOf(caseId);
    }

    /** Where the case's evidence is shown: its section of the case page, or the evidence index for a case intake does not know. */
    private String casePageOf(UUID caseId) {
        return refs.byId(caseId).map(ref -> ref.href(EvidenceSection.ANCHOR)).orElse("/staff/evidence");
    }

    /**
     * A staff upload: the request body is the file itself (sent by the page's script), so it
     * streams into the vault; a multipart form would be spooled to a temporary file in clear.
     */
    @PutMapping(path = "/staff/evidence/cases/{caseId}/files")
    @ResponseBody
    ResponseEntity<Map<String, Object>> upload(@PathVariable UUID caseId, HttpServletRequest request,
                                               @RequestHeader(name = "X-Filename", required = false) String filename)
            throws IOException {
        long declared = request.getContentLengthLong();
        if (declared == 0) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "the file is empty");
        }
        if (declared > maxUpload) {
            throw new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE, "the file is larger than " + maxUpload + " bytes");
        }
        String name = filename == null ? null : URLDecoder.decode(filename, StandardCharsets.UTF_8);
        try (InputStream body = new LimitedInputStream(request.getInputStream(), maxUpload)) {
            EvidenceObject stored = storing.upload(caseId, "staff_upload", name, request.getContentType(), body, user.username());
            return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", stored.id().toString(),
                    "sha256", stored.sha256(), "size", stored.size()));
        }
    }

    @GetMapping("/staff/evidence/objects/{id}")
    String object(@PathVariable UUID id, Model model) {
        return objectPage(id, false, model);
    }

    @PostMapping("/staff/evidence/objects/{id}/reveal")
    String reveal(@PathVariable UUID id, Model model) {
        EvidenceObject object = unsealed(existing(id));
        showing.record(object, ShowingEvidence.Access.REVEALED);
        return objectPage(object.id(), true, model);
    }

    private String objectPage(UUID id, boolean revealed, Model model) {
        EvidenceObject object = existing(id);
        boolean sealed = seals.isSealed(object.caseId());
        model.addAttribute("object", object);
        model.addAttribute("revealed", revealed);
        model.addAttribute("sealed", sealed);
        model.addAttribute("mayView", !sealed && (user.hasRole("ANALYST") || user.hasRole("COORDINATOR")));
        model.addAttribute("custody", showing.custody(id));
        model.addAttribute("caseRef", refs.byId(object.caseId()).orElse(null));
        return "evidence/object";
    }

    @GetMapping("/staff/evidence/objects/{id}/content")
    ResponseEntity<StreamingResponseBody> content(@PathVariable UUID id) {
        EvidenceObject object = present(id);
        boolean inline = Served.inline(object.contentType());
        showing.record(object, inline ? ShowingEvidence.Access.SHOWN : ShowingEvidence.Access.SENT_AS_FILE);
        return serve(object, inline);
    }

    @GetMapping("/staff/evidence/objects/{id}/download")
    ResponseEntity<StreamingResponseBody> download(@PathVariable UUID id) {
        EvidenceObject object = present(id);
        showing.record(object, ShowingEvidence.Access.DOWNLOADED);
        return serve(object, false);
    }

    private ResponseEntity<StreamingResponseBody> serve(EvidenceObject object, boolean inline) {
        StreamingResponseBody body = out -> {
            try (InputStream in = showing.open(object)) {
                in.transferTo(out);
            }
        };
        HttpHeaders headers = Served.headers(inline, object.contentType(),
                object.filename() == null ? object.id() + Served.extension(object.contentType()) : object.filename(), object.size());
        return new ResponseEntity<>(body, headers, HttpStatus.OK);
    }

    /** An object whose bytes are still in the vault and whose case is not sealed. */
    private EvidenceObject present(UUID id) {
        EvidenceObject object = unsealed(existing(id));
        if (object.purged()) {
            throw new ResponseStatusException(HttpStatus.GONE, "deleted at the end of its retention period");
        }
        return object;
    }

    private EvidenceObject unsealed(EvidenceObject object) {
        if (seals.isSealed(object.caseId())) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "the case's evidence is sealed");
        }
        return object;
    }

    private EvidenceObject existing(UUID id) {
        EvidenceObject object = objects.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return object;
    }

    /** How evidence is handed to a browser: never cached, never executed. */
    static final class Served {

        private Served() {
        }

        /** Only pictures, video and sound are shown in the page; anything else (HTML, SVG, PDF) is a download. */
        static boolean inline(String contentType) {
            return (contentType.startsWith("image/") && !contentType.equals("image/svg+xml"))
                    || contentType.startsWith("video/") || contentType.startsWith("audio/");
        }

        static HttpHeaders headers(boolean inline, String contentType, String filename, long size) {
            HttpHeaders headers = new HttpHeaders();
            headers.setCacheControl("no-store");
            headers.setPragma("no-cache");
            headers.set("Content-Security-Policy", "sandbox; default-src 'none'");
            headers.set("X-Content-Type-Options", "nosniff");
            headers.setContentType(inline ? MediaType.parseMediaType(contentType) : MediaType.APPLICATION_OCTET_STREAM);
            headers.setContentDisposition((inline ? ContentDisposition.inline() : ContentDisposition.attachment())
                    .filename(filename, StandardCharsets.UTF_8).build());
            if (size >= 0) {
                headers.setContentLength(size);
            }
            return headers;
        }

        static String extension(String contentType) {
            return switch (contentType) {
                case "image/png" -> ".png";
                case "image/jpeg" -> ".jpg";
                case "text/html" -> ".html";
                default -> ".bin";
            };
        }
    }
}
