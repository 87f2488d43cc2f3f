-- Escalation's own view of overdue items, kept from takedown's events (NoticeOverdue,
-- ItemTakenDown, ResponseRecorded), never read from takedown's tables. One row per item and
-- recipient; offline_at ends its candidacy.
create table escalation_item (
    reported_item_id   uuid        not null,
    recipient_key      text        not null,
    case_id            uuid        not null,
    url                text        not null,
    legal_status       text        not null,
    forms              text[]      not null default '{}',
    child_sexual_abuse boolean     not null,
    notices_sent       int         not null,
    first_overdue_at   timestamp with time zone not null,
    last_notice_id     uuid        not null,
    offline_at         timestamp with time zone,
    primary key (reported_item_id, recipient_key)
);
create index escalation_item_open on escalation_item (first_overdue_at) where offline_at is null;

-- Refusals (DSA art. 16(5) decisions "refused"), per item; an analyst may dispute them.
create table escalation_refusal (
    id                 uuid primary key,
    notice_id          uuid        not null,
    reference          text        not null,
    recipient_key      text        not null,
    case_id            uuid        not null,
    reported_item_id   uuid        not null,
    url                text        not null,
    legal_status       text        not null,
    forms              text[]      not null default '{}',
    child_sexual_abuse boolean     not null,
    reasons            text,
    refused_at         timestamp with time zone not null,
    disputed_at        timestamp with time zone,
    disputed_by        text,
    dispute_reason     text,
    offline_at         timestamp with time zone,
    unique (notice_id, reported_item_id)
);
create index escalation_refusal_disputed on escalation_refusal (disputed_at) where disputed_at is not null;
