-- One outbox for everything the system sends (platform_outbox): notices now; escalation requests,
-- referrals and victim updates next. A row names what to send by topic and the sending module's
-- own row (subject_id); nodes claim due rows with FOR UPDATE SKIP LOCKED and a lease. attempts
-- counts every try; failures_in_row is the position in the retry schedule and starts again when
-- a person resends. last_error keeps the last failure in words (SMTP reply, HTTP status).
create table platform_outbox (
    id              uuid primary key,
    topic           text        not null check (topic ~ '^[a-z]+(\.[a-z-]+)+$'),
    subject_id      uuid        not null,
    status          text        not null check (status in ('QUEUED', 'SENDING', 'SENT', 'FAILED')),
    attempts        int         not null default 0,
    failures_in_row int         not null default 0,
    next_attempt_at timestamp with time zone,
    claimed_until   timestamp with time zone,
    claimed_by      text,
    last_attempt_at timestamp with time zone,
    last_error      text,
    created_at      timestamp with time zone not null,
    sent_at         timestamp with time zone,
    unique (topic, subject_id)
);
create index platform_outbox_due on platform_outbox (next_attempt_at) where status in ('QUEUED', 'SENDING');
revoke delete, truncate on platform_outbox from ${app_role};

-- Notices leave through it: those still to be sent move over with their attempts so far (the old
-- outbox stored only an exception's class name; it is kept as the last error until the next try).
insert into platform_outbox (id, topic, subject_id, status, attempts, failures_in_row, next_attempt_at, last_attempt_at,
                             last_error, created_at)
select gen_random_uuid(), 'takedown.notice', n.id,
       case when n.status = 'failed' then 'FAILED' else 'QUEUED' end,
       n.attempts, case when n.status = 'failed' then n.attempts else 0 end,
       case when n.status = 'failed' then null else now() end,
       null, n.last_error, n.created_at
from takedown_notice n
where n.status in ('queued', 'sending', 'failed');
update takedown_notice set status = 'queued', claimed_until = null where status = 'sending';
