-- Partner API keys: only a SHA-256 of the key is stored (keys are long random strings, so a fast
-- hash is enough and keeps the check cheap on every request). Revoked keys stay for the audit.
create table api_key (
    id           uuid primary key,
    organisation text   not null,
    prefix       text   not null,
    key_hash     text   not null unique,
    scopes       text[] not null,
    created_at   timestamp with time zone not null,
    created_by   text   not null,
    revoked_at   timestamp with time zone,
    revoked_by   text
);

-- Idempotency-Key values per API key, so a retried request returns the first result on any node
-- and after a restart. request_hash detects a key reused for a different request.
create table api_idempotency (
    api_key_id      uuid not null references api_key (id),
    idempotency_key text not null,
    request_hash    text not null,
    case_id         uuid not null references intake_case (id),
    created_at      timestamp with time zone not null,
    primary key (api_key_id, idempotency_key)
);
create index api_idempotency_created on api_idempotency (created_at);
