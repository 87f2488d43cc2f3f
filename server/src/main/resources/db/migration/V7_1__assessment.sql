-- Assessment: the queue of reported items, question sets (versioned, immutable once saved), the
-- legal grounds analysts pick from, assessments with their answers, and decisions with four-eyes
-- confirmation and the referrals they made. Other modules' rows are referred to by id only.

-- One entry per reported item (or per case when nothing specific was reported). The lock columns
-- are the single source of truth for who is assessing it: every node takes and checks them with a
-- conditional update, never from memory. The item's URL is not copied here: intake anonymises it
-- after retention, and a copy would outlive that.
create table assessment_entry (
    id            uuid primary key,
    case_id       uuid not null,
    item_id       uuid,
    case_number   text not null,
    channel       text not null,
    forms         text[] not null default '{}',
    platform      text,
    platform_key  text,
    minor         boolean not null,
    urgent        boolean not null,
    urgent_referral text,
    received_at   timestamp with time zone not null,
    state         text not null default 'awaiting'
                  check (state in ('awaiting', 'pending_confirmation', 'needs_decision', 'decided', 'closed')),
    closed_reason text,
    locked_by     text,
    locked_at     timestamp with time zone,
    lock_expires  timestamp with time zone,
    created_at    timestamp with time zone not null
);
create index assessment_entry_queue on assessment_entry (urgent desc, received_at) where state = 'awaiting';
create index assessment_entry_case on assessment_entry (case_id);
revoke delete, truncate on assessment_entry from ${app_role};

create table legal_ground (
    code       text primary key check (code ~ '^[a-z0-9][a-z0-9_.-]*$'),
    citation   text not null,
    label_nl   text not null,
    label_en   text not null,
    law        text not null,
    sort_order int  not null,
    active     boolean not null default true,
    updated_at timestamp with time zone not null default now()
);
revoke delete, truncate on legal_ground from ${app_role};

create table question_set (
    id         uuid primary key,
    name       text not null unique,
    active     boolean not null default true,
    created_at timestamp with time zone not null
);
revoke delete, truncate on question_set from ${app_role};

create table question_set_version (
    id         uuid primary key,
    set_id     uuid not null references question_set (id),
    version    int  not null,
    created_by text not null,
    created_at timestamp with time zone not null,
    unique (set_id, version)
);
revoke update, delete, truncate on question_set_version from ${app_role};

create table question (
    id         uuid primary key,
    version_id uuid not null references question_set_version (id),
    position   int  not null,
    kind       text not null check (kind in ('radio', 'checkbox', 'select', 'text')),
    label      text not null,
    options    text[] not null default '{}',
    required   boolean not null default false,
    unique (version_id, position)
);
revoke update, delete, truncate on question from ${app_role};

-- One assessment per entry: the unique key is the last line of defence against assessing twice.
create table assessment (
    id             uuid primary key,
    entry_id       uuid not null unique references assessment_entry (id),
    case_id        uuid not null,
    legal_status   text not null check (legal_status in ('ILLEGAL', 'UNLAWFUL', 'HARMFUL', 'NOT_PROBLEMATIC')),
    forms          text[] not null default '{}',
    legal_grounds  text[] not null default '{}',
    substantiation text,
    threat_to_life boolean not null default false,
    assessed_by    text not null,
    assessed_at    timestamp with time zone not null
);
revoke update, delete, truncate on assessment from ${app_role};

create table assessment_answer (
    assessment_id uuid not null references assessment (id),
    question_id   uuid not null references question (id),
    answer        text[] not null,
    primary key (assessment_id, question_id)
);
revoke update, delete, truncate on assessment_answer from ${app_role};

create table assessment_decision (
    id               uuid primary key,
    entry_id         uuid not null references assessment_entry (id),
    assessment_id    uuid not null references assessment (id),
    case_id          uuid not null,
    outcome          text not null check (outcome in
                         ('take_down', 'police_first', 'csam', 'threat_to_life', 'refer_only', 'close')),
    state            text not null check (state in ('pending', 'effective', 'rejected')),
    note             text,
    referrals        text[] not null default '{}',
    decided_by       text not null,
    decided_at       timestamp with time zone not null,
    confirmed_by     text,
    settled_at       timestamp with time zone,
    rejection_reason text,
    check (confirmed_by is null or confirmed_by <> decided_by)
);
create index assessment_decision_entry on assessment_decision (entry_id);
create unique index assessment_decision_one_pending on assessment_decision (entry_id) where state = 'pending';
revoke delete, truncate on assessment_decision from ${app_role};

-- Who a case was sent to because of a decision: the police contact, the CSAM hotline, ATKM, help organisations.
create table assessment_referral (
    id           uuid primary key,
    decision_id  uuid not null references assessment_decision (id),
    case_id      uuid not null,
    entry_id     uuid not null,
    kind         text not null check (kind in ('police', 'csam', 'regulator', 'help')),
    organisation text not null,
    urgent       boolean not null,
    referred_at  timestamp with time zone not null
);
create index assessment_referral_case on assessment_referral (case_id);
revoke update, delete, truncate on assessment_referral from ${app_role};
