-- Notice and action. An item is one URL an assessment decided to have taken down; notices group
-- the items for one recipient and go out through the outbox (takedown_notice rows claimed with
-- FOR UPDATE SKIP LOCKED, so several nodes never send the same notice); online checks are
-- claimed the same way. Every notice keeps the exact text sent and its Message-ID.
create table takedown_item (
    id                  uuid primary key,
    case_id             uuid        not null,
    reported_item_id    uuid        not null,
    assessment_id       uuid        not null,
    url                 text        not null,
    host                text        not null,
    recipient_key       text,
    recipient_source    text        not null check (recipient_source in ('platform', 'domain', 'hosting', 'site_owner', 'none')),
    do_not_fetch        boolean     not null default false,
    hoster_fingerprint  text,
    last_ip             text,
    legal_status        text        not null,
    forms               text[]      not null default '{}',
    legal_grounds       text[]      not null default '{}',
    substantiation      text        not null,
    child_sexual_abuse  boolean     not null,
    decided_by          text        not null,
    decided_at          timestamp with time zone not null,
    status              text        not null check (status in ('pending', 'notified', 'offline', 'changed', 'unrouted')),
    first_notified_at   timestamp with time zone,
    last_notified_at    timestamp with time zone,
    misses              int         not null default 0,
    next_check_at       timestamp with time zone,
    check_claimed_until timestamp with time zone,
    last_checked_at     timestamp with time zone,
    offline_at          timestamp with time zone,
    changed_reason      text,
    created_at          timestamp with time zone not null,
    unique nulls not distinct (assessment_id, reported_item_id, recipient_key)
);
create index takedown_item_pending on takedown_item (recipient_key, decided_at) where status = 'pending';
create index takedown_item_due_check on takedown_item (next_check_at) where status = 'notified';
create index takedown_item_case on takedown_item (case_id);

create table takedown_notice (
    id               uuid primary key,
    reference        text        not null unique,
    recipient_key    text        not null,
    recipient_name   text        not null,
    channel          text        not null check (channel in ('email', 'api', 'xarf', 'manual')),
    address          text,
    language         text        not null,
    kind             text        not null check (kind in ('first', 'renotice')),
    trusted_flagger  boolean     not null,
    subject          text        not null,
    body             text        not null,
    message_id       text        not null unique,
    status           text        not null check (status in ('queued', 'sending', 'sent', 'awaiting_manual', 'failed')),
    attempts         int         not null default 0,
    claimed_until    timestamp with time zone,
    last_error       text,
    created_at       timestamp with time zone not null,
    sent_at          timestamp with time zone,
    sent_by          text,
    external_reference text,
    sla_due_at       timestamp with time zone,
    acknowledged_at  timestamp with time zone,
    decided_at       timestamp with time zone,
    decision         text,
    removed_at       timestamp with time zone
);
create index takedown_notice_outbox on takedown_notice (created_at) where status in ('queued', 'sending');
create index takedown_notice_recipient on takedown_notice (recipient_key, sent_at);

create table takedown_notice_item (
    notice_id uuid not null references takedown_notice (id),
    item_id   uuid not null references takedown_item (id),
    primary key (notice_id, item_id)
);
create index takedown_notice_item_item on takedown_notice_item (item_id);

-- Notice templates per recipient ('' is the default for everyone) and language.
create table takedown_template (
    recipient_key text        not null,
    language      text        not null check (language in ('nl', 'en')),
    subject       text        not null,
    body          text        not null,
    updated_at    timestamp with time zone not null,
    updated_by    text        not null,
    primary key (recipient_key, language)
);

create table takedown_response (
    id          uuid primary key,
    notice_id   uuid        not null references takedown_notice (id),
    kind        text        not null check (kind in ('acknowledgement', 'decision')),
    decision    text check (decision in ('removed', 'restricted', 'refused', 'other')),
    reasons     text,
    source      text        not null check (source in ('email', 'api', 'analyst')),
    message_id  text unique,
    received_at timestamp with time zone not null,
    recorded_by text        not null
);
create index takedown_response_notice on takedown_response (notice_id);

create table takedown_check (
    item_id    uuid        not null references takedown_item (id),
    checked_at timestamp with time zone not null,
    outcome    text        not null check (outcome in ('online', 'missing', 'hash_mismatch', 'unreachable', 'changed')),
    http_status int,
    checked_by text not null
);
create index takedown_check_item on takedown_check (item_id, checked_at);

-- Per-platform keys for the response callback API; only a SHA-256 of each key is stored.
create table takedown_platform_key (
    id            uuid primary key,
    recipient_key text        not null,
    key_hash      text        not null unique,
    created_at    timestamp with time zone not null,
    created_by    text        not null,
    revoked_at    timestamp with time zone
);

revoke delete, truncate on takedown_notice, takedown_response, takedown_check from ${app_role};
revoke update on takedown_response, takedown_check from ${app_role};
