-- A small, grey, strongly blurred JPEG of each picture in the vault, made once when it is captured
-- (or first needed), so a dossier of hundreds of items need not decode every picture again. It is
-- derived from the evidence and goes with the bytes when retention deletes them.
create table evidence_preview (
    evidence_id uuid        primary key references evidence_object (id) on delete cascade,
    jpeg        bytea       not null check (octet_length(jpeg) between 1 and 262144),
    made_at     timestamptz not null
);
