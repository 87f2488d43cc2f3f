-- Cases and what was reported in them. Contact details and free text are removed when a reporter
-- withdraws or retention ends; the coded fields (forms, channel, monitoring answers, dates) stay
-- for statistics. A case reported by a partner, an import or the mailbox has no reporter secret.
create table intake_case (
    id                 uuid primary key,
    case_number        text    not null unique,
    secret_hash        text,
    status             text    not null check (status in
                           ('RECEIVED', 'BEING_ASSESSED', 'NOTICES_SENT', 'REMOVED', 'ESCALATED', 'CLOSED', 'WITHDRAWN')),
    channel            text    not null check (channel in
                           ('web_form', 'phone', 'chat', 'email', 'partner_api', 'csv_import', 'mailbox')),
    reporter_type      text    check (reporter_type in ('self', 'on_behalf', 'professional')),
    forms              text[]  not null default '{}',
    other_form_text    text,
    not_online         boolean not null default false,
    started            text,
    ongoing            text,
    minor              text,
    child_abuse_route  boolean not null default false,
    police_contacted   text,
    description        text,
    contact_consent    boolean not null default false,
    contact_email      text,
    contact_phone      text,
    gender             text,
    age_band           text,
    relationship       text,
    municipality       text,
    organisation       text,
    source             text,
    external_reference text,
    submitted_by       text,
    additions          int     not null default 0,
    received_at        timestamp with time zone not null,
    updated_at         timestamp with time zone not null,
    personal_data_removed_at timestamp with time zone
);
create index intake_case_received on intake_case (received_at desc);
create index intake_case_open on intake_case (status) where status not in ('CLOSED', 'WITHDRAWN');

-- Every transition with its time: the clocks and statistics of later modules read this.
create table case_status_history (
    id         bigint generated always as identity primary key,
    case_id    uuid not null references intake_case (id),
    status     text not null,
    changed_at timestamp with time zone not null
);
create index case_status_history_case on case_status_history (case_id, changed_at);
revoke update, delete, truncate on case_status_history from ${app_role};

-- One reported thing: a URL (as given and normalised) and/or a platform and account, or a
-- description. linked_case_id points at the earlier open case that already has this URL.
create table reported_item (
    id             uuid primary key,
    case_id        uuid not null references intake_case (id),
    position       int  not null,
    url            text,
    url_normalised text,
    host           text,
    platform       text,
    account        text,
    description    text,
    referer        text,
    linked_case_id uuid references intake_case (id),
    content_state  text check (content_state in ('removed', 'unavailable')),
    created_at     timestamp with time zone not null
);
create index reported_item_case on reported_item (case_id, position);
create index reported_item_url on reported_item (url_normalised) where url_normalised is not null;

-- Cases an analyst (or duplicate detection) tied together.
create table case_link (
    case_id        uuid not null references intake_case (id),
    linked_case_id uuid not null references intake_case (id),
    reason         text not null check (reason in ('same_url', 'analyst')),
    created_at     timestamp with time zone not null,
    primary key (case_id, linked_case_id)
);

-- What the reporter added later on the status page.
create table case_addition (
    id         uuid primary key,
    case_id    uuid not null references intake_case (id),
    kind       text not null check (kind in ('text', 'material')),
    body       text,
    created_at timestamp with time zone not null
);
create index case_addition_case on case_addition (case_id, created_at);
