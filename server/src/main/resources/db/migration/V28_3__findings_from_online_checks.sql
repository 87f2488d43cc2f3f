-- A re-upload can be found by an online check, which hashes what it fetches in memory and keeps
-- nothing: such a finding has no captured evidence object.
alter table match_finding alter column evidence_id drop not null;
