-- The reporter's status page follows the chain: a confirmed take-down whose request is still being
-- prepared (no notice sent yet, e.g. no recipient known) no longer reads "being assessed", and a
-- case where part of the content is gone reads "partly removed".
alter table intake_case drop constraint intake_case_status_check;
alter table intake_case add constraint intake_case_status_check
    check (status in ('RECEIVED', 'BEING_ASSESSED', 'DECISION_TAKEN', 'NOTICES_SENT', 'PARTLY_REMOVED', 'REMOVED', 'ESCALATED',
                      'CLOSED', 'WITHDRAWN'));
