-- The audit trail. Rows are appended by the application in the same transaction as the action
-- they record; a sealer then links them into a hash chain in the order it finds them
-- (seq, prev_hash, hash). The application role may insert and read, and may seal a row once;
-- it can never change what a row says or remove it.
create table audit_log (
    id           bigint generated always as identity primary key,
    occurred_at  timestamp with time zone not null,
    actor        text                     not null,
    action       text                     not null,
    object_type  text,
    object_id    text,
    detail       text,
    origin       text,
    seq          bigint unique,
    prev_hash    text,
    hash         text
);
create index audit_log_unsealed on audit_log (id) where seq is null;
create index audit_log_object on audit_log (object_type, object_id);
create index audit_log_occurred on audit_log (occurred_at);

revoke delete, truncate on audit_log from ${app_role};

create function audit_log_guard() returns trigger language plpgsql as $$
begin
    if tg_op in ('DELETE', 'TRUNCATE') then
        raise exception 'audit_log is append-only: rows cannot be deleted';
    end if;
    if old.seq is not null
        or new.id is distinct from old.id
        or new.occurred_at is distinct from old.occurred_at
        or new.actor is distinct from old.actor
        or new.action is distinct from old.action
        or new.object_type is distinct from old.object_type
        or new.object_id is distinct from old.object_id
        or new.detail is distinct from old.detail
        or new.origin is distinct from old.origin
        or new.seq is null or new.hash is null then
        raise exception 'audit_log is append-only: row % cannot be changed', old.id;
    end if;
    return new;
end
$$;

create trigger audit_log_append_only
    before update or delete on audit_log
    for each row execute function audit_log_guard();

create trigger audit_log_no_truncate
    before truncate on audit_log
    for each statement execute function audit_log_guard();

-- The sealer's position: one row, locked while a batch is chained.
create table audit_chain_head (
    id        int primary key check (id = 1),
    last_seq  bigint not null,
    last_hash text   not null
);
insert into audit_chain_head values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
revoke insert, delete on audit_chain_head from ${app_role};
