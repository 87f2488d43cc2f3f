-- When a finished case's identifying data was removed at the end of its retention.
alter table intake_case add column anonymised_at timestamp with time zone;
create index intake_case_retention on intake_case (status) where anonymised_at is null and status in ('CLOSED', 'WITHDRAWN');
