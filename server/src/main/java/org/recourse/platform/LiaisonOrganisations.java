package org.recourse.platform;

import java.util.List;
import java.util.Optional;

/**
 * The organisations whose contacts may hold a LIAISON account — police units, prosecutors,
 * regulators and help organisations from the directory — named by their directory key. Accounts
 * ties a liaison to one of them; the directory provides them (accounts cannot depend on the
 * directory, which names the staff who change it).
 */
public interface LiaisonOrganisations {

    /** An organisation a liaison can belong to. */
    record Choice(String key, String name) {
    }

    /** Every such organisation, by name. */
    List<Choice> choices();

    /** The name of the organisation with this key, when it is one of {@link #choices()}. */
    default Optional<String> nameOf(String key) {
        return key == null ? Optional.empty() : choices().stream().filter(c -> c.key().equals(key)).map(Choice::name).findFirst();
    }
}
