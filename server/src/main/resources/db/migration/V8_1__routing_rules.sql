-- Routing rule sets. A published version is immutable: the application role may add versions
-- but never change or remove one, so advice given under version n can always be explained with
-- version n. Coordinators work on one shared draft and publish it as the next version.
create table routing_rule_set_version (
    version      int primary key check (version > 0),
    document     text                     not null,
    note         text,
    published_at timestamp with time zone not null,
    published_by text                     not null
);
revoke update, delete, truncate on routing_rule_set_version from ${app_role};

create table routing_rule_draft (
    id         int primary key check (id = 1),
    document   text                     not null,
    based_on   int references routing_rule_set_version (version),
    updated_at timestamp with time zone not null,
    updated_by text                     not null
);
