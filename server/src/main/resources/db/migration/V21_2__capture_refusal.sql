-- Why a capture failed, as a code the staff pages translate (the outcome keeps the technical detail
-- in English, as before). Codes: FetchRefusedException.Reason names, INVALID_URL and STORAGE.
alter table evidence_capture add column refusal text;
