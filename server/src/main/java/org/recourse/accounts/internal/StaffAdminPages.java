package org.recourse.accounts.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.recourse.accounts.StaffRole;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administrators create accounts, assign roles, reset passwords and second factors, deactivate. */
@Controller
@RequestMapping("/staff/admin/users")
class StaffAdminPages {

    private final StaffUserRepository users;
    private final ProvisioningStaff provisioning;
    private final ViewingStaffAccounts viewing;
    private final Clock clock;

    private final org.recourse.platform.LiaisonOrganisations organisations;

    StaffAdminPages(StaffUserRepository users, ProvisioningStaff provisioning, ViewingStaffAccounts viewing, Clock clock,
                    org.recourse.platform.LiaisonOrganisations organisations) {
        this.organisations = organisations;
        this.clock = clock;
        this.users = users;
        this.provisioning = provisioning;
        this.viewing = viewing;
    }

    /** The moment the page is shown, on the application's clock (locks are judged against it). */
    @ModelAttribute("now")
    Instant now() {
        return clock.instant();
    }

    /** The directory's police units, prosecutors, regulators and help organisations a liaison can belong to. */
    @ModelAttribute("organisations")
    java.util.List<org.recourse.platform.LiaisonOrganisations.Choice> organisations() {
        return organisations.choices();
    }

    @ModelAttribute("allRoles")
    StaffRole[] allRoles() {
        return StaffRole.values();
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("users", users.findAll());
        java.util.Map<String, String> names = new java.util.HashMap<>();
        organisations.choices().forEach(c -> names.put(c.key(), c.name()));
        model.addAttribute("organisationNames", names);
        return "accounts/users";
    }

    @GetMapping("/new")
    String newForm(Model model) {
        model.addAttribute("account", new AccountForm());
        return "accounts/user-new";
    }

    @PostMapping
    String create(@ModelAttribute("account") AccountForm form, BindingResult errors, Model model) {
        form.validate(errors, true, organisations);
        if (!errors.hasErrors() && users.usernameTaken(form.getUsername().trim())) {
            errors.rejectValue("username", "accounts.form.username.taken");
        }
        if (errors.hasErrors()) {
            return "accounts/user-new";
        }
        ProvisioningStaff.Created created = provisioning.create(form.toNewAccount(), null, false);
        model.addAttribute("user", created.user());
        model.addAttribute("oneTimePassword", created.oneTimePassword());
        return "accounts/one-time-password";
    }

    @GetMapping("/{id}")
    String detail(@PathVariable UUID id, Model model) {
        StaffUser user = viewing.view(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("user", user);
        model.addAttribute("account", AccountForm.of(user));
        return "accounts/user";
    }

    @PostMapping("/{id}")
    String update(@PathVariable UUID id, @ModelAttribute("account") AccountForm form, BindingResult errors,
                  Model model, RedirectAttributes redirect) {
        StaffUser user = find(id);
        form.validate(errors, false, organisations);
        Set<StaffRole> roles = errors.hasFieldErrors("roles") ? Set.of() : form.roleSet();
        if (!errors.hasErrors() && isSelf(user) && !roles.contains(StaffRole.ADMIN)) {
            errors.rejectValue("roles", "accounts.form.roles.keep-own-admin");
        }
        if (errors.hasErrors()) {
            model.addAttribute("user", user);
            return "accounts/user";
        }
        provisioning.update(id, form.getDisplayName().trim(), AccountForm.blankToNull(form.getEmail()), roles,
                AccountForm.blankToNull(form.getOrganisation()));
        redirect.addFlashAttribute("done", "accounts.user.saved");
        return "redirect:/staff/admin/users/" + id;
    }

    @PostMapping("/{id}/reset-password")
    String resetPassword(@PathVariable UUID id, Model model) {
        StaffUser user = find(id);
        model.addAttribute("user", user);
        model.addAttribute("oneTimePassword", provisioning.resetPassword(id));
        return "accounts/one-time-password";
    }

    @PostMapping("/{id}/reset-totp")
    String resetTotp(@PathVariable UUID id, RedirectAttributes redirect) {
        find(id);
        provisioning.resetTotp(id);
        redirect.addFlashAttribute("done", "accounts.user.totp-reset");
        return "redirect:/staff/admin/users/" + id;
    }

    @PostMapping("/{id}/unlock")
    String unlock(@PathVariable UUID id, RedirectAttributes redirect) {
        find(id);
        provisioning.unlock(id);
        redirect.addFlashAttribute("done", "accounts.user.unlocked");
        return "redirect:/staff/admin/users/" + id;
    }

    @PostMapping("/{id}/deactivate")
    String deactivate(@PathVariable UUID id, RedirectAttributes redirect) {
        StaffUser user = find(id);
        if (isSelf(user)) {
            redirect.addFlashAttribute("problem", "accounts.user.cannot-deactivate-self");
        } else {
            provisioning.setActive(id, false);
            redirect.addFlashAttribute("done", "accounts.user.deactivated");
        }
        return "redirect:/staff/admin/users/" + id;
    }

    @PostMapping("/{id}/activate")
    String activate(@PathVariable UUID id, RedirectAttributes redirect) {
        find(id);
        provisioning.setActive(id, true);
        redirect.addFlashAttribute("done", "accounts.user.activated");
        return "redirect:/staff/admin/users/" + id;
    }

    private StaffUser find(UUID id) {
        return users.findById(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static boolean isSelf(StaffUser user) {
        StaffPrincipal me = SignInSteps.current();
        return me != null && me.id().equals(user.id());
    }
}
