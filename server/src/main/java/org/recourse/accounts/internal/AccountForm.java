package org.recourse.accounts.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.recourse.accounts.StaffRole;
import org.springframework.validation.Errors;

/** The account form of the admin screens, with its server-side checks. */
public class AccountForm {

    private String username = "";
    private String displayName = "";
    private String email = "";
    private List<String> roles = new ArrayList<>();
    private String organisation = "";

    static AccountForm of(StaffUser user) {
        AccountForm form = new AccountForm();
        form.username = user.username();
        form.displayName = user.displayName();
        form.email = user.email() == null ? "" : user.email();
        form.roles = user.roles().stream().map(Enum::name).toList();
        form.organisation = user.organisation() == null ? "" : user.organisation();
        return form;
    }

    /** Checks every field; {@code creating} also checks the username. */
    void validate(Errors errors, boolean creating, org.recourse.platform.LiaisonOrganisations organisations) {
        if (creating && !username.trim().matches("[a-z0-9][a-z0-9._-]{2,39}")) {
            errors.rejectValue("username", "accounts.form.username.invalid");
        }
        if (displayName.isBlank() || displayName.length() > 100) {
            errors.rejectValue("displayName", "accounts.form.display-name.invalid");
        }
        if (!email.isBlank() && (email.length() > 200 || !email.trim().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"))) {
            errors.rejectValue("email", "accounts.form.email.invalid");
        }
        if (roles.isEmpty() || !roles.stream().allMatch(AccountForm::isRole)) {
            errors.rejectValue("roles", "accounts.form.roles.invalid");
        }
        if (roles.contains(StaffRole.LIAISON.name()) && organisation.isBlank()) {
            errors.rejectValue("organisation", "accounts.form.organisation.required");
        }
        if (organisation.length() > 100) {
            errors.rejectValue("organisation", "accounts.form.organisation.too-long");
        } else if (!organisation.isBlank() && organisations.nameOf(organisation.strip()).isEmpty()) {
            errors.rejectValue("organisation", "accounts.form.organisation.unknown");
        }
    }

    NewAccount toNewAccount() {
        return new NewAccount(username.trim(), displayName.trim(), blankToNull(email), roleSet(), blankToNull(organisation.strip()));
    }

    Set<StaffRole> roleSet() {
        Set<StaffRole> set = EnumSet.noneOf(StaffRole.class);
        roles.forEach(r -> set.add(StaffRole.valueOf(r)));
        return set;
    }

    private static boolean isRole(String name) {
        for (StaffRole role : StaffRole.values()) {
            if (role.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username == null ? "" : username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName == null ? "" : displayName;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email == null ? "" : email;
    }

    public List<String> getRoles() {
        return roles;
    }

    public void setRoles(List<String> roles) {
        this.roles = roles == null ? new ArrayList<>() : roles;
    }

    public String getOrganisation() {
        return organisation;
    }

    public void setOrganisation(String organisation) {
        this.organisation = organisation == null ? "" : organisation;
    }
}
