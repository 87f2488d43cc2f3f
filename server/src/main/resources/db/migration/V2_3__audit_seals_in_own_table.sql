-- Seals move out of audit_log into a table of their own, so that nothing in audit_log ever
-- changes. Sealing by UPDATE left a dead row version behind for every entry; at a thousand
-- reports a second, vacuuming those (and every index of audit_log with them) was the largest
-- background cost of the database and showed as seconds-long stalls in intake latency.
-- Both tables are now insert-only: vacuum only marks pages visible and never scans indexes.
-- No foreign keys to audit_log: checking one locks the entry's row (FOR KEY SHARE), which writes
-- to the very rows that are meant never to change again. Verification finds a seal without its
-- entry as a gap in the chain.
create table audit_seal (
    seq        bigint primary key,
    entry_id   bigint not null unique,
    prev_hash  text   not null,
    hash       text   not null
);

-- Entries waiting for the sealer. A trigger fills it, so that no writer can leave an entry out;
-- the sealer empties it. This small table is the only one whose rows die, and it stays small.
create table audit_unsealed (
    entry_id bigint primary key
);

insert into audit_seal (seq, entry_id, prev_hash, hash)
select seq, id, prev_hash, hash from audit_log where seq is not null;
insert into audit_unsealed (entry_id)
select id from audit_log where seq is null;

drop trigger audit_log_append_only on audit_log;
drop trigger audit_log_no_delete on audit_log;
drop trigger audit_log_no_truncate on audit_log;
drop function audit_log_guard_update();
drop function audit_log_guard();
drop index audit_log_unsealed;
alter table audit_log drop column seq, drop column prev_hash, drop column hash;

create function audit_log_queue_for_sealing() returns trigger language plpgsql as $$
begin
    insert into audit_unsealed (entry_id) select id from new_rows;
    return null;
end
$$;

create trigger audit_log_queued
    after insert on audit_log
    referencing new table as new_rows
    for each statement execute function audit_log_queue_for_sealing();

-- What an entry says and its seal never change and are never removed: the application role has
-- no right to, and a trigger refuses it to the owner as well.
revoke update, delete, truncate on audit_log, audit_seal from ${app_role};

create function audit_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only: % refused', tg_table_name, tg_op;
end
$$;

create trigger audit_log_append_only
    before update or delete or truncate on audit_log
    for each statement execute function audit_refuse_change();

create trigger audit_seal_append_only
    before update or delete or truncate on audit_seal
    for each statement execute function audit_refuse_change();

-- An entry as read back: what it says and, once sealed, its place in the chain.
create view audit_entry as
select a.id, a.occurred_at, a.actor, a.action, a.object_type, a.object_id, a.detail, a.origin,
       s.seq, s.prev_hash, s.hash
from audit_log a
left join audit_seal s on s.entry_id = a.id;

grant select on audit_entry to ${app_role};
