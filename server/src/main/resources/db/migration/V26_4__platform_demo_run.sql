-- ./recourse demo records here that (and how) it filled this database with synthetic data; the
-- staff pages then say on every page that nothing here is real, and a second demo refuses to run.
create table platform_demo_run (
    id          uuid primary key,
    seed        bigint      not null,
    cases       int         not null check (cases > 0),
    started_at  timestamptz not null,
    finished_at timestamptz
);
