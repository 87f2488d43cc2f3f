-- Enforcement requests: one platform, one authority, one or many items; every change of state is a
-- dated entry. A request is shown by its reference (ER-...).
create table escalation_request (
    id                  uuid primary key,
    reference           text        not null unique,
    platform_key        text        not null,
    authority_key       text        not null,
    language            text        not null check (language in ('nl', 'en')),
    state               text        not null check (state in ('draft', 'approved', 'filed', 'acknowledged', 'under_investigation',
                                                              'decided', 'rejected', 'withdrawn', 'no_response')),
    drafted_by          text        not null,
    drafted_at          timestamp with time zone not null,
    approved_by         text,
    approved_at         timestamp with time zone,
    filed_at            timestamp with time zone,
    filed_via           text check (filed_via in ('email', 'web_form')),
    authority_reference text,
    last_contact_at     timestamp with time zone,
    reminded_at         timestamp with time zone
);
create index escalation_request_waiting on escalation_request (state, coalesce(last_contact_at, filed_at))
    where state in ('filed', 'acknowledged', 'under_investigation');

create table escalation_request_item (
    request_id       uuid not null references escalation_request (id),
    reported_item_id uuid not null,
    case_id          uuid not null,
    url              text not null,
    reasons          text[] not null,
    primary key (request_id, reported_item_id)
);
create index escalation_request_item_case on escalation_request_item (case_id);

create table escalation_request_entry (
    id          uuid primary key,
    request_id  uuid        not null references escalation_request (id),
    at          timestamp with time zone not null,
    kind        text        not null,
    state       text        not null,
    note        text,
    recorded_by text        not null
);
create index escalation_request_entry_request on escalation_request_entry (request_id, at);

revoke delete, truncate on escalation_request, escalation_request_item, escalation_request_entry from ${app_role};
revoke update on escalation_request_entry from ${app_role};
