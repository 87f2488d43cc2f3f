package org.recourse.directory.internal;

import java.util.List;
import java.util.UUID;
import org.recourse.directory.Organisation;
import org.recourse.directory.OrganisationKind;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The directory in the staff UI: search, read, and — for coordinators — add and change entries. */
@Controller
@RequestMapping("/staff/directory")
class DirectoryPages {

    private final OrganisationRepository organisations;
    private final EditingOrganisations editing;

    DirectoryPages(OrganisationRepository organisations, EditingOrganisations editing) {
        this.organisations = organisations;
        this.editing = editing;
    }

    @ModelAttribute("kinds")
    OrganisationKind[] kinds() {
        return OrganisationKind.values();
    }

    @GetMapping
    String list(@RequestParam(name = "q", defaultValue = "") String query, Model model) {
        String text = query.length() > 200 ? query.substring(0, 200) : query;
        model.addAttribute("q", text);
        model.addAttribute("organisations", organisations.search(text));
        return "directory/list";
    }

    @GetMapping("/new")
    String newForm(Model model) {
        model.addAttribute("organisation", new OrganisationForm());
        return "directory/new";
    }

    @PostMapping
    String create(@ModelAttribute("organisation") OrganisationForm form, BindingResult errors,
                  RedirectAttributes redirect) {
        form.validate(errors, true);
        checkUnique(form, errors, null, true);
        if (errors.hasErrors()) {
            return "directory/new";
        }
        UUID id = editing.create(form.toDetails());
        redirect.addFlashAttribute("done", "directory.saved");
        return "redirect:/staff/directory/" + id;
    }

    @GetMapping("/{id}")
    String detail(@PathVariable UUID id, Model model) {
        model.addAttribute("org", find(id));
        model.addAttribute("history", HistoryEntry.of(organisations.history(id)));
        return "directory/detail";
    }

    @GetMapping("/{id}/versions/{version}")
    String version(@PathVariable UUID id, @PathVariable int version, Model model) {
        Organisation current = find(id);
        OrganisationVersion saved = organisations.history(id).stream()
                .filter(v -> v.organisation().version() == version).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("current", current);
        model.addAttribute("org", saved.organisation());
        model.addAttribute("saved", saved);
        return "directory/version";
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable UUID id, Model model) {
        Organisation organisation = find(id);
        model.addAttribute("org", organisation);
        model.addAttribute("organisation", OrganisationForm.of(organisation));
        return "directory/edit";
    }

    @PostMapping("/{id}")
    String update(@PathVariable UUID id, @ModelAttribute("organisation") OrganisationForm form, BindingResult errors,
                  Model model, RedirectAttributes redirect) {
        Organisation organisation = find(id);
        form.setKey(organisation.key());
        form.validate(errors, false);
        checkUnique(form, errors, id, false);
        if (!errors.hasErrors() && !editing.update(id, form.getVersion(), form.toDetails())) {
            errors.reject("directory.form.changed-meanwhile");
        }
        if (errors.hasErrors()) {
            model.addAttribute("org", organisation);
            return "directory/edit";
        }
        redirect.addFlashAttribute("done", "directory.saved");
        return "redirect:/staff/directory/" + id;
    }

    private void checkUnique(OrganisationForm form, BindingResult errors, UUID self, boolean creating) {
        if (creating && !errors.hasFieldErrors("key") && organisations.keyTaken(form.getKey().trim())) {
            errors.rejectValue("key", "directory.form.key.taken");
        }
        if (!errors.hasFieldErrors("name") && organisations.nameTaken(form.getName(), self)) {
            errors.rejectValue("name", "directory.form.name.taken");
        }
    }

    private Organisation find(UUID id) {
        return organisations.findById(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /** A version in the history list, with the fields that changed compared with the version before. */
    record HistoryEntry(OrganisationVersion saved, List<String> changedFields) {

        static List<HistoryEntry> of(List<OrganisationVersion> newestFirst) {
            return java.util.stream.IntStream.range(0, newestFirst.size()).mapToObj(i -> new HistoryEntry(
                    newestFirst.get(i),
                    i + 1 < newestFirst.size()
                            ? OrganisationChanges.between(newestFirst.get(i + 1).organisation(), newestFirst.get(i).organisation())
                            : List.of())).toList();
        }
    }
}
