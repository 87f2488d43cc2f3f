-- Hash banks (issue 16): lists of signals of known material that platforms match uploads against.
-- A bank has a PDQ match threshold of its own; entries carry one signal each (PDQ hash, or the MD5
-- or SHA-256 of a file), where it came from, the case it belongs to (no foreign key: cases are the
-- intake module's) and its state. Entry ids are what platforms see: a number, never a case number.
create table match_bank (
    id               uuid primary key,
    name             text        not null unique check (name ~ '^[A-Z][A-Z0-9_]{1,62}$'),
    description      text,
    pdq_threshold    int         not null default 31 check (pdq_threshold between 0 and 63),
    matching_enabled boolean     not null default true,
    created_at       timestamp with time zone not null
);

create table match_entry (
    id             bigint generated always as identity primary key,
    bank_id        uuid        not null references match_bank (id),
    signal_type    text        not null check (signal_type in ('PDQ', 'MD5', 'SHA256')),
    -- Lower-case hex; null once the entry was withdrawn or its case's retention ended.
    signal         text,
    quality        int check (quality between 1 and 100),
    source         text        not null check (source in ('VICTIM', 'ANALYST', 'IMPORT')),
    source_name    text,
    case_id        uuid,
    evidence_id    uuid,
    status         text        not null check (status in ('ACTIVE', 'DISABLED', 'WITHDRAWN')),
    added_at       timestamp with time zone not null,
    removed_at     timestamp with time zone,
    removal_reason text check (removal_reason in ('WITHDRAWAL', 'RETENTION', 'DISABLED_BY_STAFF')),
    check ((status = 'ACTIVE') = (removed_at is null)),
    check (status <> 'ACTIVE' or signal is not null)
);
create unique index match_entry_active_signal on match_entry (bank_id, signal_type, signal) where status = 'ACTIVE';
create index match_entry_case on match_entry (case_id) where case_id is not null;
create index match_entry_active on match_entry (id) where status = 'ACTIVE';

-- Every addition and removal, in commit order (writers hold one advisory lock while they append,
-- see docs/decisions/0010): each node's index and every partner's feed follow it by sequence.
-- The log holds no signal: readers take it from the entry, so a withdrawn hash is gone everywhere.
create table match_change (
    seq         bigint generated always as identity primary key,
    entry_id    bigint      not null references match_entry (id),
    bank_id     uuid        not null references match_bank (id),
    signal_type text        not null,
    op          text        not null check (op in ('ADD', 'REMOVE')),
    changed_at  timestamp with time zone not null
);
revoke delete, truncate, update on match_change from ${app_role};

-- What a platform said it did with a match (blocked, not blocked, not matching its policy).
create table match_feedback (
    id           uuid primary key,
    entry_id     bigint      not null references match_entry (id),
    api_key_id   uuid        not null,
    organisation text        not null,
    verdict      text        not null check (verdict in ('BLOCKED', 'NOT_BLOCKED', 'NOT_MATCHING_POLICY')),
    recorded_at  timestamp with time zone not null
);
create index match_feedback_entry on match_feedback (entry_id);

-- The bank victims and analysts add to; imports name their own banks.
insert into match_bank (id, name, description, pdq_threshold, matching_enabled, created_at)
values ('6d1f3c2e-4b1a-4f0e-9a57-2c7d9e0b1a01', 'NCII', 'Non-consensually shared intimate images reported to this hotline',
        31, true, now());
