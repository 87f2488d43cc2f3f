-- The evidence vault. Bytes live encrypted in the blob store (filesystem or S3), never here:
-- evidence_blob holds each stored object once per SHA-256 with its data key wrapped by the
-- key-encryption key; evidence_object is a piece of evidence in a case (a captured page, an
-- embedded image, a screenshot, an uploaded file) with its capture metadata; evidence_capture
-- is the queue of URLs to capture, worked by every node; evidence_package records exported
-- packages and to which police unit or regulator one is made available.

create table evidence_blob (
    id          uuid primary key,
    sha256      text   not null unique,
    size_bytes  bigint not null,
    storage_key text   not null,
    wrapped_key bytea  not null,
    kek_key_id  bigint not null,
    created_at  timestamp with time zone not null
);
create index evidence_blob_kek on evidence_blob (kek_key_id);

create table evidence_capture (
    id              uuid primary key,
    case_id         uuid not null,
    item_id         uuid,
    url             text not null,
    status          text not null check (status in ('pending', 'running', 'done', 'failed')),
    attempts        int  not null default 0,
    requested_at    timestamp with time zone not null,
    requested_by    text not null,
    started_at      timestamp with time zone,
    finished_at     timestamp with time zone,
    outcome         text,
    screenshot_note text,
    retain_until    timestamp with time zone not null,
    anonymised_at   timestamp with time zone
);
create index evidence_capture_queue on evidence_capture (requested_at) where status in ('pending', 'running');
create index evidence_capture_case on evidence_capture (case_id);

create table evidence_object (
    id               uuid primary key,
    case_id          uuid   not null,
    item_id          uuid,
    capture_id       uuid references evidence_capture (id),
    blob_id          uuid references evidence_blob (id),
    evidence_class   text   not null check (evidence_class in ('capture', 'staff_upload', 'reporter_upload')),
    kind             text   not null check (kind in ('page', 'media', 'screenshot', 'file')),
    filename         text,
    content_type     text   not null,
    size_bytes       bigint not null,
    sha256           text,
    source_url       text,
    final_url        text,
    http_status      int,
    response_headers text,
    redirect_chain   text,
    resolved_ip      text,
    tls_sha256       text,
    captured_at      timestamp with time zone not null,
    added_by         text   not null,
    retain_until     timestamp with time zone not null,
    purged_at        timestamp with time zone
);
create index evidence_object_case on evidence_object (case_id, captured_at);
create index evidence_object_blob on evidence_object (blob_id);
create index evidence_object_expiry on evidence_object (retain_until) where purged_at is null;

create table evidence_package (
    id                     uuid primary key,
    case_id                uuid   not null,
    blob_id                uuid references evidence_blob (id),
    manifest_sha256        text   not null,
    size_bytes             bigint not null,
    object_count           int    not null,
    created_at             timestamp with time zone not null,
    created_by             text   not null,
    recipient_organisation text,
    retain_until           timestamp with time zone not null,
    purged_at              timestamp with time zone
);
create index evidence_package_case on evidence_package (case_id);
create index evidence_package_recipient on evidence_package (recipient_organisation) where purged_at is null;
