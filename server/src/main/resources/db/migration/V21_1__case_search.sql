-- Search for cases (issue 14): by case number prefix, a piece of a URL, a domain, an account
-- name, the e-mail address of a partner report and words in what reporters wrote. The indexes sit
-- on intake's own tables, so what retention or withdrawal removes from a case is gone from search
-- at the same moment; there is no second copy of a victim's words to clean up.
--
-- pg_trgm is a trusted extension: the database owner (the migration role) may create it.
create extension if not exists pg_trgm;

-- "RC-7K3M%" compares bytes, not collation order.
create index intake_case_number_prefix on intake_case (case_number text_pattern_ops);

create index intake_case_contact_email on intake_case (lower(contact_email)) where contact_email is not null;

-- Words, not stems: reports mix Dutch, English and slang, and people search for the exact name
-- or word a reporter used. The expressions must match CaseSearchQueries' exactly.
create index intake_case_words on intake_case
    using gin (to_tsvector('simple'::regconfig, coalesce(description, '') || ' ' || coalesce(other_form_text, '')));
create index reported_item_words on reported_item
    using gin (to_tsvector('simple'::regconfig, coalesce(description, '')));
create index case_addition_words on case_addition
    using gin (to_tsvector('simple'::regconfig, coalesce(body, ''))) where kind = 'text';

-- Any piece of an address or account name (at least three characters: trigrams).
create index reported_item_url_trigrams on reported_item using gin (url_normalised gin_trgm_ops);
create index reported_item_host_trigrams on reported_item using gin (host gin_trgm_ops);
create index reported_item_account_trigrams on reported_item using gin (account gin_trgm_ops);
