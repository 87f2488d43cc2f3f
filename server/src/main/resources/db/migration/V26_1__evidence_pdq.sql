-- The PDQ hash of each picture in the vault (captured media and screenshots), computed in memory
-- when it was captured. Dossiers and packages carry it next to the SHA-256; it goes with the
-- bytes when retention deletes them.
create table evidence_signal (
    evidence_id uuid        primary key references evidence_object (id) on delete cascade,
    pdq         text        not null check (pdq ~ '^[0-9a-f]{64}$'),
    quality     int         not null check (quality between 0 and 100),
    computed_at timestamptz not null
);
