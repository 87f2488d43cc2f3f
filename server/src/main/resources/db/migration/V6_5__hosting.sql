-- Hoster resolution: domain rules, RDAP answers cached per query, the IANA bootstrap files as
-- last fetched (the copy shipped in the jar is used until the first refresh), and organisations
-- created from RDAP answers, which stay unconfirmed until an analyst confirms them.
alter table directory_organisation add column confirmed boolean not null default true;

create table directory_domain_rule (
    domain          text primary key check (domain ~ '^[a-z0-9.-]+$'),
    hoster_key      text,
    registrar_key   text,
    site_owner_key  text,
    real_host_key   text,
    do_not_fetch    boolean not null default false,
    classify_as     text,
    note            text,
    updated_at      timestamp with time zone not null,
    updated_by      text not null
);

create table directory_rdap_cache (
    query      text primary key,
    answer     text not null,
    fetched_at timestamp with time zone not null
);

create table directory_rdap_bootstrap (
    kind       text primary key check (kind in ('ipv4', 'ipv6', 'dns')),
    body       text not null,
    fetched_at timestamp with time zone not null
);
