-- Enforcement requests filed by e-mail through the platform outbox (topic escalation.request): the
-- letter is fixed when it is filed, so every attempt sends the same text with the same Message-ID
-- and the request keeps exactly what the authority received.
alter table escalation_request
    add column letter_subject  text,
    add column letter_body     text,
    add column letter_address  text,
    add column message_id      text unique,
    add column send_failed_at  timestamp with time zone;

-- What made each item a candidate when the request was drafted, for the letter's facts.
alter table escalation_request_item
    add column case_number   text,
    add column notices_sent  integer,
    add column overdue_since timestamp with time zone;
