-- Staff accounts. Passwords are Argon2id hashes; the TOTP secret is needed in clear to check
-- codes, so it is readable only by the application role like every other column here.
create table staff_user (
    id                   uuid primary key,
    username             text        not null unique,
    display_name         text        not null,
    email                text,
    password_hash        text        not null,
    roles                text[]      not null,
    organisation         text,
    totp_secret          text,
    totp_enrolled        boolean     not null default false,
    last_totp_step       bigint      not null default 0,
    failed_attempts      int         not null default 0,
    locked_until         timestamp with time zone,
    must_change_password boolean     not null default false,
    active               boolean     not null default true,
    created_at           timestamp with time zone not null,
    updated_at           timestamp with time zone not null
);
