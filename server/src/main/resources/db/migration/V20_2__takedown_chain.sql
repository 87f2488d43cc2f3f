-- Notices that do not reach their recipient stop waiting silently: a notice whose retries are used
-- up is 'failed' (failed_at), one whose e-mail came back as undeliverable (an RFC 3464 delivery
-- status report in the replies mailbox) is 'bounced' with the report's status and diagnostic in
-- words. Their items are 'undelivered' until an analyst resends or re-routes them. Items an
-- analyst routed by hand say so in recipient_source ('manual').
alter table takedown_notice drop constraint takedown_notice_status_check;
alter table takedown_notice add constraint takedown_notice_status_check
    check (status in ('queued', 'sending', 'sent', 'awaiting_manual', 'failed', 'bounced'));
alter table takedown_notice add column failed_at timestamp with time zone;
alter table takedown_notice add column bounced_at timestamp with time zone;
alter table takedown_notice add column bounce_reason text;
update takedown_notice set failed_at = created_at where status = 'failed';

alter table takedown_item drop constraint takedown_item_status_check;
alter table takedown_item add constraint takedown_item_status_check
    check (status in ('pending', 'notified', 'offline', 'changed', 'unrouted', 'undelivered'));
alter table takedown_item drop constraint takedown_item_recipient_source_check;
alter table takedown_item add constraint takedown_item_recipient_source_check
    check (recipient_source in ('platform', 'domain', 'hosting', 'site_owner', 'none', 'manual'));
update takedown_item i set status = 'undelivered'
where i.status = 'notified' and i.first_notified_at is null
  and exists (select 1 from takedown_notice_item ni join takedown_notice n on n.id = ni.notice_id
              where ni.item_id = i.id and n.status = 'failed');
