-- A referral is counted once even when the reaction that records it runs twice at the same time
-- (decision 0024: unfinished reactions run again). Earlier duplicates, if any, keep their oldest row.
delete from stat_referral a using stat_referral b
 where a.case_id = b.case_id and a.kind = b.kind and a.organisation = b.organisation and a.referred_at = b.referred_at
   and (a.outcome is null and b.outcome is not null or (a.outcome is null) = (b.outcome is null) and a.id > b.id);
create unique index stat_referral_once on stat_referral (case_id, kind, organisation, referred_at);
