-- Counters against guessing and flooding, shared by every node: failed status sign-ins per case
-- and per address, form submissions per address. Addresses are stored as keyed hashes, never in
-- clear; the key is generated here, once per installation.
create table intake_throttle (
    kind           text not null,
    subject        text not null,
    hits           int  not null,
    window_started timestamp with time zone not null,
    blocked_until  timestamp with time zone,
    primary key (kind, subject)
);

create table intake_address_key (
    id  int primary key check (id = 1),
    key text not null
);
insert into intake_address_key values (1, replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''));
revoke insert, update, delete, truncate on intake_address_key from ${app_role};
