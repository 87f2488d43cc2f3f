-- Whether the dossier of a request carries the original evidence files (decided by an analyst,
-- audited). Without it the dossier holds hashes, metadata and blurred pictures only.
alter table escalation_request add column dossier_originals boolean not null default false;
