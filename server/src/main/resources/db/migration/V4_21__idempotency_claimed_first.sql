-- The partner API claims an Idempotency-Key before it writes the case (so that a retry writes
-- nothing at all); the reference to the case is therefore checked at commit.
alter table api_idempotency drop constraint api_idempotency_case_id_fkey;
alter table api_idempotency add constraint api_idempotency_case_id_fkey
    foreign key (case_id) references intake_case (id) deferrable initially deferred;
