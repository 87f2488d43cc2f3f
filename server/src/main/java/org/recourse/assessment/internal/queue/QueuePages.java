package org.recourse.assessment.internal.queue;

import java.security.Principal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.recourse.accounts.StaffRole;
import org.recourse.intake.Channel;
import org.recourse.taxonomy.Taxonomy;
import org.recourse.taxonomy.ViolenceForm;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The queue: what awaits assessment, urgent first, with filters, "take the next one" and bulk actions. */
@Controller
class QueuePages {

    private final WorkingQueue queue;
    private final Taxonomy taxonomy;
    private final Clock clock;

    QueuePages(WorkingQueue queue, Taxonomy taxonomy, Clock clock) {
        this.queue = queue;
        this.taxonomy = taxonomy;
        this.clock = clock;
    }

    @GetMapping("/staff/queue")
    String queue(@RequestParam(required = false) String form, @RequestParam(required = false) String platform,
                 @RequestParam(required = false) String minor, @RequestParam(required = false) String channel,
                 @RequestParam(required = false) String sort, Locale locale, Model model) {
        QueueFilter filter = new QueueFilter(form, platform, minor, channel, sort);
        model.addAttribute("filter", filter);
        model.addAttribute("entries", queue.awaiting(filter));
        model.addAttribute("now", clock.instant());
        model.addAttribute("forms", taxonomy.activeForms());
        model.addAttribute("formLabels", taxonomy.activeForms().stream()
                .collect(java.util.stream.Collectors.toMap(ViolenceForm::code, f -> f.label(locale))));
        model.addAttribute("platforms", queue.platforms());
        model.addAttribute("channels", List.of(Channel.values()).stream().map(Channel::code).toList());
        model.addAttribute("sorts", QueueFilter.SORTS);
        model.addAttribute("actions", WorkingQueue.BulkAction.values());
        return "assessment/queue";
    }

    @PostMapping("/staff/queue/next")
    String next(Principal user, RedirectAttributes redirect) {
        return queue.takeNext(user.getName())
                .map(id -> "redirect:/staff/assessments/" + id)
                .orElseGet(() -> {
                    redirect.addFlashAttribute("message", "assessment.queue.empty");
                    return "redirect:/staff/queue";
                });
    }

    @PostMapping("/staff/queue/bulk")
    String bulk(@RequestParam(name = "entry", required = false) List<String> selected,
                @RequestParam(defaultValue = "") String action, @RequestParam(defaultValue = "") String reason,
                @RequestParam(defaultValue = "") String assignee, Authentication user, RedirectAttributes redirect) {
        boolean coordinator = user.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(StaffRole.COORDINATOR.authority()));
        WorkingQueue.BulkAction chosen;
        try {
            chosen = WorkingQueue.BulkAction.valueOf(action.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", "assessment.bulk.error.action");
            return "redirect:/staff/queue";
        }
        List<UUID> ids = new ArrayList<>();
        for (String id : selected == null ? List.<String>of() : selected) {
            try {
                ids.add(UUID.fromString(id));
            } catch (IllegalArgumentException ignored) {
                // a tampered value names no entry; it simply counts as skipped below
            }
        }
        if (ids.isEmpty()) {
            redirect.addFlashAttribute("error", "assessment.bulk.error.none");
            return "redirect:/staff/queue";
        }
        if (chosen == WorkingQueue.BulkAction.ASSIGN && !coordinator) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        String argument = chosen == WorkingQueue.BulkAction.ASSIGN ? assignee : reason;
        try {
            WorkingQueue.BulkResult result = queue.bulk(chosen, ids, argument, user.getName(), coordinator);
            redirect.addFlashAttribute("bulkDone", result.done());
            redirect.addFlashAttribute("bulkSkipped", result.skipped() + (selected.size() - ids.size()));
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", chosen == WorkingQueue.BulkAction.ASSIGN
                    ? "assessment.bulk.error.assignee" : "assessment.bulk.error.reason");
        }
        return "redirect:/staff/queue";
    }
}
