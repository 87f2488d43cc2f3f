-- One-time tokens of the public report form: each form carries a random token; the request that
-- creates the case claims its hash in the same transaction, so a double submit, a reload of the
-- POST or a replay creates no second case. Checked at commit like the partner API's keys.
create table intake_form_submission (
    token_hash text primary key,
    case_id    uuid not null references intake_case (id) deferrable initially deferred,
    created_at timestamp with time zone not null
);
create index intake_form_submission_created on intake_form_submission (created_at);
