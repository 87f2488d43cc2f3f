-- Cases whose evidence staff may no longer view or export, e.g. after a hand-off of child sexual
-- abuse material to the CSAM hotline, police and ATKM. A seal is never lifted by the application.
create table evidence_seal (
    case_id   uuid primary key,
    reason    text not null,
    sealed_by text not null,
    sealed_at timestamp with time zone not null
);
revoke update, delete, truncate on evidence_seal from ${app_role};
