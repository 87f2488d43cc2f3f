package org.recourse.directory.internal;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.recourse.directory.Directory;
import org.recourse.directory.OrganisationKind;
import org.recourse.platform.LiaisonOrganisations;
import org.springframework.stereotype.Service;

/** Police, prosecutors, regulators and help organisations in the directory, for liaison accounts. */
@Service
class DirectoryLiaisonOrganisations implements LiaisonOrganisations {

    static final Set<OrganisationKind> LIAISON_KINDS = EnumSet.of(OrganisationKind.POLICE, OrganisationKind.PROSECUTOR,
            OrganisationKind.REGULATOR, OrganisationKind.HELP);

    private final Directory directory;

    DirectoryLiaisonOrganisations(Directory directory) {
        this.directory = directory;
    }

    @Override
    public List<Choice> choices() {
        return directory.all().stream().filter(o -> LIAISON_KINDS.contains(o.kind()))
                .map(o -> new Choice(o.key(), o.name()))
                .sorted(Comparator.comparing(Choice::name, String.CASE_INSENSITIVE_ORDER)).toList();
    }
}
