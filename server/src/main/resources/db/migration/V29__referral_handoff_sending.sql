-- A mailed hand-off is marked 'sending' while the mail is on its way, so that a withdrawal of consent
-- at that moment knows it can no longer stop it (and one that fails afterwards is not retried).
alter table assessment_referral drop constraint assessment_referral_handoff_status_check;
alter table assessment_referral add constraint assessment_referral_handoff_status_check check (handoff_status in
    ('queued', 'sending', 'delivered', 'accepted', 'contact_made', 'declined', 'no_response', 'withdrawn', 'failed'));
