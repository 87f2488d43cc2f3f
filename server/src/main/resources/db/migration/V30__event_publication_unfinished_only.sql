-- A reaction to an event that completed is now deleted (spring.modulith.events.completion-mode: delete):
-- the table holds only unfinished reactions, which RetryingUnfinishedEvents runs again. The completed
-- rows of earlier versions go, and so does the index that found them by completion date.
delete from event_publication where completion_date is not null;
drop index if exists event_publication_by_completion_date_idx;
