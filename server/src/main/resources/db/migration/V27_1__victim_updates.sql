-- Victim updates by choice (issue 18): a reporter who left an e-mail address and agreed to be
-- contacted gets a short e-mail when her case changes, never details. She can stop them at any
-- time (updates_stopped_at), from the e-mail's link or her status page, and start them again there.
alter table intake_case add column updates_stopped_at timestamp with time zone;

-- One e-mail per burst of changes: at most one queued per case, sent after a grouping delay.
create table intake_victim_update (
    id              uuid primary key,
    case_id         uuid        not null references intake_case (id) on delete cascade,
    created_at      timestamp with time zone not null,
    message_id      text        not null unique,
    -- The stop link's token: it can do one thing, stop these e-mails for this case, and is kept so
    -- that a retry of the same e-mail after a crash carries the same working link.
    stop_token      text        not null unique,
    status          text        not null check (status in ('queued', 'sent', 'cancelled')),
    sent_at         timestamp with time zone
);
create unique index intake_victim_update_one_queued on intake_victim_update (case_id) where status = 'queued';
create index intake_victim_update_case on intake_victim_update (case_id);
