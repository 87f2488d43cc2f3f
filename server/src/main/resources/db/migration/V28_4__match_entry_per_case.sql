-- The same image can belong to two victims' cases (or come from two partners): each keeps its own
-- entry, so one case's withdrawal does not take the other's protection away. Before, one active
-- entry per signal and bank was allowed, and banking a second case's copy failed.
drop index match_entry_active_signal;
create unique index match_entry_active_signal on match_entry (bank_id, signal_type, signal,
    coalesce(case_id, '00000000-0000-0000-0000-000000000000'::uuid), coalesce(source_name, ''))
    where status = 'ACTIVE';
