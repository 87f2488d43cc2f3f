-- The directory: organisations that receive notices, can act on a case, or help the victim.
-- The current state of each entry is in directory_organisation; every saved version, the
-- first included, is kept as a snapshot in directory_organisation_history (append-only), so
-- a coordinator can see who changed what and when.
create table directory_organisation (
    id                           uuid primary key,
    key                          text        not null unique check (key ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    name                         text        not null check (length(name) between 1 and 200),
    kind                         text        not null check (kind in ('platform', 'hoster', 'registrar', 'site_owner',
                                                                      'regulator', 'police', 'prosecutor', 'help')),
    country                      char(2) check (country ~ '^[A-Z]{2}$'),
    legal_representative         text,
    legal_representative_country char(2) check (legal_representative_country ~ '^[A-Z]{2}$'),
    vlop                         boolean     not null default false,
    video_platform               boolean     not null default false,
    trusted_flagger              boolean     not null default false,
    dsa_contact                  text,
    notice_email                 text,
    notice_api                   text,
    notice_form                  text,
    website                      text,
    phone                        text,
    languages                    text[]      not null default '{}',
    aliases                      text[]      not null default '{}',
    domains                      text[]      not null default '{}',
    source_notes                 jsonb       not null default '[]',
    version                      int         not null,
    updated_at                   timestamp with time zone not null,
    updated_by                   text        not null
);
create unique index directory_organisation_name on directory_organisation (lower(name));
create index directory_organisation_domains on directory_organisation using gin (domains);

create table directory_organisation_history (
    organisation_id uuid                     not null references directory_organisation (id),
    version         int                      not null,
    snapshot        jsonb                    not null,
    changed_at      timestamp with time zone not null,
    changed_by      text                     not null,
    primary key (organisation_id, version)
);

-- Entries are never removed (cases keep pointing at them); history rows never change.
revoke delete, truncate on directory_organisation from ${app_role};
revoke update, delete, truncate on directory_organisation_history from ${app_role};
