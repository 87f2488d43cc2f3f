-- Protection orders as facts (issue 18): an existing contact ban, area ban or restraining order
-- recorded on a case, with the names and online accounts of the person it binds. A new report
-- naming one of those accounts while the order runs is a possible breach: urgent, for the police.
create table referral_protection_order (
    id              uuid primary key,
    case_id         uuid        not null,
    kind            text        not null check (kind in ('contact_ban', 'area_ban', 'restraining_order', 'other')),
    issued_by       text,
    starts_on       date        not null,
    ends_on         date,
    bound_names     text[]      not null default '{}',
    -- Lower case, without a leading @: what reported accounts and URL path segments are compared with.
    bound_accounts  text[]      not null default '{}',
    recorded_by     text        not null,
    recorded_at     timestamp with time zone not null,
    checked_in_at   timestamp with time zone,
    checked_in_by   text,
    check (ends_on is null or ends_on >= starts_on)
);
create index referral_protection_order_case on referral_protection_order (case_id);
create index referral_protection_order_accounts on referral_protection_order using gin (bound_accounts);

-- A report that names an account bound by an order: flagged once per order and case.
create table referral_order_breach (
    id           uuid primary key,
    order_id     uuid not null references referral_protection_order (id),
    case_id      uuid not null,
    account      text not null,
    found_at     timestamp with time zone not null,
    handled_at   timestamp with time zone,
    handled_by   text,
    unique (order_id, case_id)
);
