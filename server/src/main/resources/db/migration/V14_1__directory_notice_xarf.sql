-- X-ARF becomes a property of an organisation's notice e-mail address in the directory. It replaces
-- the setting RECOURSE_TAKEDOWN_XARF_RECIPIENTS (a comma-separated list of directory keys): this
-- migration reads that setting once, through the Flyway placeholder below, and marks the listed
-- organisations; after it the setting has no effect and the directory page is where it is changed.
alter table directory_organisation add column notice_xarf boolean not null default false;

update directory_organisation
set notice_xarf = true
where notice_email is not null
  and key = any (string_to_array(replace($recipients$${xarfRecipients}$recipients$, ' ', ''), ','));
