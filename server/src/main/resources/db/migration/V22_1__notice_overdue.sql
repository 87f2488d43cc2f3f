-- A sent notice that passes its SLA without a decision is announced once (NoticeOverdue): the node
-- that claims it stamps overdue_published_at in the transaction that publishes the event.
alter table takedown_notice add column overdue_published_at timestamp with time zone;
create index takedown_notice_overdue_due on takedown_notice (sla_due_at)
    where overdue_published_at is null and decided_at is null and removed_at is null and status = 'sent';
