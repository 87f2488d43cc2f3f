package org.recourse.accounts.internal;

import java.util.EnumSet;

import org.recourse.accounts.StaffRole;
import org.recourse.audit.AuditActor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * On the first start with no administrator, creates {@code admin}: with the password from
 * {@code RECOURSE_ADMIN_PASSWORD}, or a generated one-time password printed once to the console
 * (never to the log). Restarts find the administrator and do nothing.
 */
@Component
@ConditionalOnBooleanProperty(name = "recourse.command-line", havingValue = false, matchIfMissing = true)
class FirstAdministrator implements ApplicationRunner {

    private final StaffUserRepository users;
    private final ProvisioningStaff provisioning;
    private final String configuredPassword;

    FirstAdministrator(StaffUserRepository users, ProvisioningStaff provisioning,
                       @Value("${recourse.admin-password:}") String configuredPassword) {
        this.users = users;
        this.provisioning = provisioning;
        this.configuredPassword = configuredPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (users.anyAdmin()) {
            return;
        }
        String chosen = configuredPassword == null || configuredPassword.isBlank() ? null : configuredPassword;
        if (chosen != null && PasswordPolicy.problemWith(chosen, chosen, "admin") != null) {
            throw new IllegalStateException("RECOURSE_ADMIN_PASSWORD must be at least "
                    + PasswordPolicy.MIN_LENGTH + " characters, must not contain the username and must not be a common or leaked password");
        }
        ProvisioningStaff.Created created = AuditActor.supplyAs("system:first-start", () -> provisioning.create(
                new NewAccount("admin", "Administrator", null, EnumSet.of(StaffRole.ADMIN), null), chosen, false));
        if (created.oneTimePassword() != null) {
            System.out.println();
            System.out.println("==================================================================");
            System.out.println(" Recourse created the administrator account.");
            System.out.println("   username: admin");
            System.out.println("   one-time password: " + created.oneTimePassword());
            System.out.println(" It is shown only this once. Sign in, set up the second factor and");
            System.out.println(" choose a new password.");
            System.out.println("==================================================================");
            System.out.println();
        } else {
            System.out.println("Recourse created the administrator account 'admin' with the password from RECOURSE_ADMIN_PASSWORD.");
        }
    }
}
