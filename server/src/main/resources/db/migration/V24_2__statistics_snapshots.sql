-- Computed tables of a period, kept for a few minutes so statistics pages do not scan a period's
-- facts on every request (BENCHMARKS.md, statistics). Keyed by a digest of the period and tables.
create table stat_snapshot (
    key          text primary key,
    period       text not null,
    computed_at  timestamp with time zone not null,
    payload      text not null
);
