-- Where an escalated notice's enforcement request stands (filed, acknowledged, ... decided,
-- rejected, no_response, withdrawn), from escalation's EscalationRecorded events.
alter table stat_notice add column escalation_outcome text;
