package org.recourse.intake.internal.bulk;

import org.recourse.platform.CsvCells;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.recourse.intake.internal.IntakeSettings;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * CSV upload for staff. The upload only queues the file; a background job does the work, and the
 * job page shows its progress (htmx polls it; without JavaScript a refresh link does the same).
 */
@Controller
class ImportController {

    private final ImportingReports importing;
    private final BulkImports imports;
    private final IntakeSettings settings;
    private final MessageSource messages;

    ImportController(ImportingReports importing, BulkImports imports, IntakeSettings settings, MessageSource messages) {
        this.importing = importing;
        this.imports = imports;
        this.settings = settings;
        this.messages = messages;
    }

    @GetMapping("/staff/intake/imports")
    String list(Model model) {
        model.addAttribute("imports", imports.recent(20));
        model.addAttribute("maxMb", settings.importing().maxFileSize().toMegabytes());
        return "intake/imports";
    }

    @PostMapping("/staff/intake/imports")
    String upload(@RequestParam(required = false) MultipartFile file, Authentication user,
                  RedirectAttributes redirect) throws IOException {
        if (file == null || file.isEmpty()) {
            redirect.addFlashAttribute("uploadError", "intake.import.error.no-file");
            return "redirect:/staff/intake/imports";
        }
        if (file.getSize() > settings.importing().maxFileSize().toBytes()) {
            redirect.addFlashAttribute("uploadError", "intake.import.error.too-large");
            return "redirect:/staff/intake/imports";
        }
        String name = file.getOriginalFilename() == null ? "upload.csv" : file.getOriginalFilename();
        UUID id = importing.enqueue(name.length() > 200 ? name.substring(0, 200) : name, file.getBytes(), user.getName());
        return "redirect:/staff/intake/imports/" + id;
    }

    @GetMapping("/staff/intake/imports/{id}")
    String show(@PathVariable UUID id, Model model) {
        model.addAttribute("job", imports.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
        return "intake/import";
    }

    /** The progress block alone, for htmx to swap in while the job runs. */
    @GetMapping("/staff/intake/imports/{id}/progress")
    String progress(@PathVariable UUID id, Model model) {
        model.addAttribute("job", imports.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
        return "intake/import :: progress";
    }

    /** Every rejected line with the reason, as CSV that cannot run formulas in a spreadsheet. */
    @GetMapping("/staff/intake/imports/{id}/errors.csv")
    ResponseEntity<byte[]> errors(@PathVariable UUID id, Locale locale) {
        BulkImports.ImportJob job = imports.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        StringBuilder csv = new StringBuilder("\uFEFF");
        csv.append(CsvCells.row(List.of(messages.getMessage("intake.import.report.line", null, locale),
                messages.getMessage("intake.import.report.column", null, locale),
                messages.getMessage("intake.import.report.problem", null, locale),
                messages.getMessage("intake.import.report.content", null, locale))));
        for (BulkImports.LineError error : imports.errors(id)) {
            Object[] args = error.messageArg() == null ? null : new Object[] {error.messageArg()};
            csv.append(CsvCells.row(List.of(Integer.toString(error.lineNumber()), error.column(),
                    messages.getMessage(error.messageKey(), args, locale), error.lineText())));
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("import-errors-" + job.id() + ".csv").build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }
}
