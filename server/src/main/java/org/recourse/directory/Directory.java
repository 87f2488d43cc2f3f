package org.recourse.directory;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Looks organisations up for other modules. Read-only: changes go through the staff UI. */
public interface Directory {

    Optional<Organisation> find(UUID id);

    /** By the stable key rule data uses, e.g. {@code acm} or {@code centrum-seksueel-geweld}. */
    Optional<Organisation> findByKey(String key);

    /** By name or alias, ignoring case: {@code Instagram} and {@code instagram} find the same entry. */
    Optional<Organisation> findByName(String name);

    /**
     * By host name: {@code www.instagram.com} and {@code instagram.com} find the organisation that
     * lists {@code instagram.com} among its domains; a sub-domain matches its parent domain.
     */
    Optional<Organisation> findByDomain(String host);

    /** Every organisation, by name. */
    List<Organisation> all();
}
