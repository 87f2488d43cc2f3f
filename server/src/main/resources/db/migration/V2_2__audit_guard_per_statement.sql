-- The append-only guard, checked once per statement instead of once per row: the sealer seals a
-- thousand entries in one statement, and a PL/pgSQL call per row cost more than the update itself.
-- The rule is unchanged: a row may be updated once, by sealing it (seq and hash set, nothing else
-- changed); no row may be deleted.
drop trigger audit_log_append_only on audit_log;

-- Transition tables carry no statistics: without the setting the planner pairs old and new rows
-- with a nested loop, a thousand times a thousand comparisons per sealed batch.
create function audit_log_guard_update() returns trigger language plpgsql set enable_nestloop = off as $$
declare
    offending bigint;
begin
    select o.id into offending
    from old_rows o left join new_rows n on n.id = o.id
    where n.id is null
       or o.seq is not null
       or n.occurred_at is distinct from o.occurred_at
       or n.actor is distinct from o.actor
       or n.action is distinct from o.action
       or n.object_type is distinct from o.object_type
       or n.object_id is distinct from o.object_id
       or n.detail is distinct from o.detail
       or n.origin is distinct from o.origin
       or n.seq is null or n.hash is null
    limit 1;
    if found then
        raise exception 'audit_log is append-only: row % cannot be changed', offending;
    end if;
    return null;
end
$$;

create trigger audit_log_append_only
    after update on audit_log
    referencing old table as old_rows new table as new_rows
    for each statement execute function audit_log_guard_update();

create trigger audit_log_no_delete
    before delete on audit_log
    for each row execute function audit_log_guard();
