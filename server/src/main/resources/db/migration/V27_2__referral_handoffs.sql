-- Referrals as hand-offs (issue 18): an analyst refers the victim to a help organisation (or the
-- police) from the case, with her recorded consent, and follows it up. They extend the referrals
-- decisions make: a hand-off has no decision, and carries its consent, channel and follow-up.
alter table assessment_referral alter column decision_id drop not null;
alter table assessment_referral alter column entry_id drop not null;
alter table assessment_referral
    add column handoff_status   text check (handoff_status in
        ('queued', 'delivered', 'accepted', 'contact_made', 'declined', 'no_response', 'withdrawn', 'failed')),
    -- What the victim agreed may be shared, and how her agreement was given.
    add column consent_scope    text[],
    add column consent_how      text check (consent_how in ('status_page', 'phone', 'email', 'in_person', 'chat')),
    add column consent_by       text,
    add column channel          text check (channel in ('email', 'phone')),
    add column address          text,
    add column message_id       text unique,
    add column referred_by      text,
    add column delivered_at     timestamp with time zone,
    add column follow_up_due_at timestamp with time zone,
    add column outcome_at       timestamp with time zone,
    add column outcome_by       text,
    add column consent_revoked_at timestamp with time zone,
    add column consent_revoked_via text,
    add constraint assessment_referral_handoff_consent
        check (handoff_status is null or (consent_scope is not null and cardinality(consent_scope) > 0 and consent_how is not null
               and channel is not null));
-- A hand-off moves through its states; everything else about a referral stays as it was made.
grant update (handoff_status, delivered_at, follow_up_due_at, outcome_at, outcome_by, consent_revoked_at, consent_revoked_via)
    on assessment_referral to ${app_role};
create index assessment_referral_follow_up on assessment_referral (follow_up_due_at)
    where handoff_status = 'delivered';
