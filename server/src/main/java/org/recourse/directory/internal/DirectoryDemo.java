package org.recourse.directory.internal;

import java.time.LocalDate;

import org.recourse.platform.DemoActor;
import org.recourse.platform.DemoDay;
import org.recourse.platform.DemoPlatforms;
import org.springframework.stereotype.Component;
import org.springframework.validation.BeanPropertyBindingResult;

/**
 * The demo's directory: the synthetic platforms, entered through the directory's own editing with a
 * dated source note saying they are synthetic, and a notice address on a reserved {@code .invalid}
 * domain, so nothing could ever reach anyone.
 */
@Component
class DirectoryDemo implements DemoActor {

    private final EditingOrganisations editing;
    private final OrganisationRepository organisations;

    DirectoryDemo(EditingOrganisations editing, OrganisationRepository organisations) {
        this.editing = editing;
        this.organisations = organisations;
    }

    @Override
    public int order() {
        return 0;
    }

    @Override
    public void prepare(DemoDay first) {
        for (DemoPlatforms.Platform platform : DemoPlatforms.ALL) {
            if (organisations.findByKey(platform.key()).isPresent()) {
                continue;
            }
            OrganisationForm form = new OrganisationForm();
            form.setKey(platform.key());
            form.setName(platform.name());
            form.setKind("platform");
            form.setCountry(platform.country());
            form.setNoticeEmail("abuse@" + platform.domain());
            form.setLanguages(platform.country().equals("NL") ? "nl, en" : "en");
            form.setDomains(platform.domain());
            form.setWebsite("https://" + platform.domain());
            form.setSourceNotes(LocalDate.ofInstant(first.time().now(), java.time.ZoneOffset.UTC)
                    + " | ./recourse demo | Synthetic platform for the demonstration; it does not exist and nothing is sent to it.");
            BeanPropertyBindingResult errors = new BeanPropertyBindingResult(form, "organisation");
            form.validate(errors, true);
            if (errors.hasErrors()) {
                throw new IllegalStateException("synthetic platform " + platform.key() + " refused: " + errors.getAllErrors());
            }
            editing.create(form.toDetails());
        }
    }
}
