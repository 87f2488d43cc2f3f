-- Referrals by organisation and outcome (issue 18): the answer a help organisation gave to a hand-off.
alter table stat_referral add column outcome text;
