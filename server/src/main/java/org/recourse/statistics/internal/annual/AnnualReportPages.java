package org.recourse.statistics.internal.annual;

import java.security.Principal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Coordinators prepare the annual reports: edit the texts (Dutch and English), look at the figures as
 * they will be published, download the draft PDF or CSV, and publish. The public downloads are on the
 * transparency page.
 */
@Controller
class AnnualReportPages {

    private static final Pattern FILE = Pattern.compile("(nl|en)\\.(pdf|csv)");
    private static final Pattern PUBLISHED_FILE = Pattern.compile("(dsa-22|hotline)-(\\d{4})-(nl|en)\\.(pdf|csv)");

    private final AnnualReports reports;
    private final AnnualTexts texts;
    private final AnnualDocuments documents;
    private final PublishingAnnualReports publishing;

    AnnualReportPages(AnnualReports reports, AnnualTexts texts, AnnualDocuments documents, PublishingAnnualReports publishing) {
        this.reports = reports;
        this.texts = texts;
        this.documents = documents;
        this.publishing = publishing;
    }

    @GetMapping("/staff/statistics/annual-reports")
    String index(Model model) {
        int last = reports.lastYearOver();
        List<Integer> years = new ArrayList<>(List.of(last + 1, last, last - 1, last - 2));
        model.addAttribute("kinds", AnnualReportKind.values());
        model.addAttribute("years", years);
        model.addAttribute("publications", publishing.all());
        return "statistics/annual-reports";
    }

    @GetMapping("/staff/statistics/annual-reports/{kind}/{year}")
    String edit(@PathVariable String kind, @PathVariable String year, Model model, Locale locale) {
        AnnualReportKind k = kind(kind);
        int y = year(year);
        AnnualTexts.Texts saved = texts.of(k, y);
        AnnualTexts.Texts shown = model.containsAttribute("texts") ? (AnnualTexts.Texts) model.getAttribute("texts") : saved;
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        model.addAttribute("reportKind", k);
        model.addAttribute("reportYear", y);
        model.addAttribute("texts", shown);
        model.addAttribute("languages", ReportLanguage.values());
        model.addAttribute("over", reports.over(y));
        List<PublishingAnnualReports.Publication> published = publishing.publications(k, y);
        model.addAttribute("publications", published);
        model.addAttribute("textsChangedSincePublished", published.stream().anyMatch(p -> !p.textsFingerprint().equals(saved.fingerprint())));
        model.addAttribute("report", reports.report(k, y, ReportLanguage.of(locale), saved));
        return "statistics/annual-report";
    }

    @PostMapping("/staff/statistics/annual-reports/{kind}/{year}")
    String save(@PathVariable String kind, @PathVariable String year, @RequestParam Map<String, String> fields, Principal user,
                jakarta.servlet.http.HttpServletRequest request, RedirectAttributes redirect) {
        AnnualReportKind k = kind(kind);
        int y = year(year);
        Map<ReportLanguage, Map<AnnualSection, String>> byLanguage = new EnumMap<>(ReportLanguage.class);
        for (ReportLanguage l : ReportLanguage.values()) {
            Map<AnnualSection, String> sections = new EnumMap<>(AnnualSection.class);
            for (AnnualSection s : k.sections()) {
                sections.put(s, fields.getOrDefault(l.code() + "-" + s.code(), ""));
            }
            byLanguage.put(l, sections);
        }
        AnnualTexts.Texts entered = new AnnualTexts.Texts(byLanguage);
        Map<String, String> errors = texts.save(k, y, entered, org.recourse.platform.CleanedFields.of(request), user.getName());
        if (errors.isEmpty()) {
            redirect.addFlashAttribute("done", "statistics.annual.saved");
        } else {
            redirect.addFlashAttribute("errors", new LinkedHashMap<>(errors));
            redirect.addFlashAttribute("texts", entered);
        }
        return "redirect:/staff/statistics/annual-reports/" + k.code() + "/" + y;
    }

    @PostMapping("/staff/statistics/annual-reports/{kind}/{year}/publish")
    String publish(@PathVariable String kind, @PathVariable String year, Principal user, RedirectAttributes redirect) {
        AnnualReportKind k = kind(kind);
        int y = year(year);
        PublishingAnnualReports.Outcome outcome = publishing.publish(k, y, user.getName());
        redirect.addFlashAttribute(switch (outcome) {
            case PUBLISHED, REPUBLISHED, UNCHANGED -> "done";
            default -> "refused";
        }, "statistics.annual.outcome." + outcome.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        return "redirect:/staff/statistics/annual-reports/" + k.code() + "/" + y;
    }

    @GetMapping("/staff/statistics/annual-reports/{kind}/{year}/draft/{file}")
    ResponseEntity<byte[]> draft(@PathVariable String kind, @PathVariable String year, @PathVariable String file) {
        AnnualReportKind k = kind(kind);
        int y = year(year);
        Matcher m = FILE.matcher(file);
        if (!m.matches()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        ReportLanguage language = ReportLanguage.fromCode(m.group(1)).orElseThrow();
        AnnualReports.AnnualReport report = reports.report(k, y, language);
        byte[] body = m.group(2).equals("pdf") ? documents.pdf(report) : documents.csv(report);
        return download(body, m.group(2), "draft-" + AnnualDocuments.fileName(k, y, language, m.group(2)));
    }

    @GetMapping({"/transparantie/jaarverslagen", "/transparency/annual-reports"})
    String publishedList(Model model) {
        model.addAttribute("publications", publishing.all());
        return "statistics/annual-published";
    }

    @GetMapping({"/transparantie/jaarverslagen/{file}", "/transparency/annual-reports/{file}"})
    ResponseEntity<byte[]> published(@PathVariable String file) {
        Matcher m = PUBLISHED_FILE.matcher(file);
        if (!m.matches()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        Optional<byte[]> body = publishing.file(AnnualReportKind.fromCode(m.group(1)).orElseThrow(), Integer.parseInt(m.group(2)),
                ReportLanguage.fromCode(m.group(3)).orElseThrow(), m.group(4));
        return body.map(b -> download(b, m.group(4), file)).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static ResponseEntity<byte[]> download(byte[] body, String format, String name) {
        return ResponseEntity.ok()
                .contentType(format.equals("pdf") ? MediaType.APPLICATION_PDF : new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(body);
    }

    private static AnnualReportKind kind(String code) {
        return AnnualReportKind.fromCode(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static int year(String text) {
        if (text == null || !text.matches("2\\d{3}")) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return Integer.parseInt(text);
    }
}
