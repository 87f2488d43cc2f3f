-- A liaison's organisation and an evidence package's recipient are directory keys from now on.
-- Free text that names a police unit, prosecutor, regulator or help organisation in the directory
-- (by key or by name, ignoring case and surrounding spaces) becomes its key; anything else stays
-- as it was and is shown to administrators as "not in the directory" until they choose again.
update staff_user u
set organisation = d.key
from directory_organisation d
where u.organisation is not null
  and u.organisation <> d.key
  and d.kind in ('police', 'prosecutor', 'regulator', 'help')
  and (lower(btrim(u.organisation)) = lower(d.name) or lower(btrim(u.organisation)) = d.key)
  and (select count(*) from directory_organisation n
       where n.kind in ('police', 'prosecutor', 'regulator', 'help')
         and (lower(btrim(u.organisation)) = lower(n.name) or lower(btrim(u.organisation)) = n.key)) = 1;

update evidence_package p
set recipient_organisation = d.key
from directory_organisation d
where p.recipient_organisation is not null
  and p.recipient_organisation <> d.key
  and d.kind in ('police', 'prosecutor', 'regulator', 'help')
  and (lower(btrim(p.recipient_organisation)) = lower(d.name) or lower(btrim(p.recipient_organisation)) = d.key)
  and (select count(*) from directory_organisation n
       where n.kind in ('police', 'prosecutor', 'regulator', 'help')
         and (lower(btrim(p.recipient_organisation)) = lower(n.name) or lower(btrim(p.recipient_organisation)) = n.key)) = 1;
