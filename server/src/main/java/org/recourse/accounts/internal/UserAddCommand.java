package org.recourse.accounts.internal;

import java.io.PrintStream;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.recourse.accounts.StaffRole;
import org.recourse.audit.AuditActor;
import org.recourse.platform.CliArguments;
import org.recourse.platform.CliCommand;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * {@code ./recourse user add --name NAME --role ROLE [--role ROLE] [--display-name TEXT]
 * [--organisation ORG] [--email ADDRESS]}: creates a staff account for operators and automation,
 * printing its one-time password and TOTP secret once. Audited as {@code cli:<os user>}.
 */
@Component
class UserAddCommand implements CliCommand {

    private final ProvisioningStaff provisioning;
    private final String issuer;

    private final org.recourse.platform.LiaisonOrganisations organisations;

    UserAddCommand(ProvisioningStaff provisioning, @Value("${recourse.security.totp-issuer}") String issuer,
                   org.recourse.platform.LiaisonOrganisations organisations) {
        this.organisations = organisations;
        this.provisioning = provisioning;
        this.issuer = issuer;
    }

    @Override
    public String name() {
        return "user add";
    }

    @Override
    public String summary() {
        return "create a staff user: --name NAME --role ROLE [--role ...] [--display-name TEXT] [--organisation ORG] [--email ADDRESS]";
    }

    @Override
    public int run(List<String> words, PrintStream out, PrintStream err) {
        CliArguments args = CliArguments.parse(words);
        AccountForm form = new AccountForm();
        form.setUsername(args.option("name").orElse(""));
        form.setDisplayName(args.option("display-name").orElse(form.getUsername()));
        form.setEmail(args.option("email").orElse(""));
        form.setOrganisation(args.option("organisation").orElse(""));
        form.setRoles(args.options("role").stream().map(String::toUpperCase).toList());
        var errors = new org.springframework.validation.BeanPropertyBindingResult(form, "account");
        form.validate(errors, true, organisations);
        if (errors.hasErrors()) {
            errors.getFieldErrors().forEach(e -> err.println("error: --" + option(e.getField()) + ": " + explain(e.getCode())));
            return 2;
        }
        Set<StaffRole> roles = EnumSet.copyOf(form.roleSet());
        try {
            ProvisioningStaff.Created created = AuditActor.supplyAs("cli:" + System.getProperty("user.name"),
                    () -> provisioning.create(form.toNewAccount(), null, true));
            out.println("user: " + created.user().username() + " (" + roles + ")");
            out.println("one-time password: " + created.oneTimePassword());
            out.println("TOTP secret: " + created.totpSecret());
            out.println("TOTP URI: " + Totp.otpauthUri(issuer, created.user().username(), created.totpSecret()));
            out.println("Both are shown only this once. The password must be changed at first sign-in.");
            return 0;
        } catch (ProvisioningStaff.UsernameTakenException taken) {
            err.println("error: --name: that username is already in use");
            return 2;
        }
    }

    private static String option(String field) {
        return switch (field) {
            case "username" -> "name";
            case "displayName" -> "display-name";
            case "roles" -> "role";
            default -> field;
        };
    }

    private static String explain(String code) {
        return switch (code) {
            case "accounts.form.username.invalid" -> "3-40 characters: lower-case letters, digits, '.', '_' or '-'";
            case "accounts.form.display-name.invalid" -> "1-100 characters";
            case "accounts.form.email.invalid" -> "not an e-mail address";
            case "accounts.form.roles.invalid" -> "give one or more of ADMIN, COORDINATOR, ANALYST, LIAISON, AUDITOR";
            case "accounts.form.organisation.required" -> "a LIAISON needs --organisation";
            case "accounts.form.organisation.unknown" -> "not the directory key of a police unit, prosecutor, regulator or help organisation";
            case "accounts.form.organisation.too-long" -> "at most 100 characters";
            default -> "invalid";
        };
    }
}
