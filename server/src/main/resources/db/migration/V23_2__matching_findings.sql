-- Re-uploads found (issue 16): a captured image that matches a banked entry of another case. One
-- row per entry and address, so a pair an analyst dismissed is remembered and never shown again.
create table match_finding (
    id               uuid primary key,
    entry_id         bigint      not null references match_entry (id),
    original_case_id uuid        not null,
    capture_case_id  uuid        not null,
    evidence_id      uuid        not null,
    original_evidence_id uuid,
    url              text        not null,
    distance         int         not null check (distance between 0 and 256),
    status           text        not null check (status in ('OPEN', 'CONFIRMED', 'DISMISSED')),
    found_at         timestamp with time zone not null,
    decided_at       timestamp with time zone,
    decided_by       text,
    unique (entry_id, url)
);
create index match_finding_open on match_finding (found_at) where status = 'OPEN';

-- The PDQ hash of every image a capture stored (the bytes stay in the evidence vault), so an
-- analyst can bank a case's captured image without anyone opening it, and findings can show it.
create table match_captured_image (
    evidence_id uuid primary key,
    case_id     uuid        not null,
    url         text        not null,
    pdq         text        not null,
    quality     int         not null check (quality between 0 and 100),
    captured_at timestamp with time zone not null
);
create index match_captured_image_case on match_captured_image (case_id);
