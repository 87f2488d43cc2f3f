-- Search by domain (issue 14): a host and its subdomains are found through a b-tree on the
-- reversed host name, where "instagram.com" and "www.instagram.com" share a prefix. Trigrams could
-- only narrow such a search to every host with similar letters (all of a platform's items, or every
-- "site123.example" among thousands of like names), which took seconds on a million cases.
create index reported_item_host_reversed on reported_item (reverse(host) text_pattern_ops);
drop index reported_item_host_trigrams;

-- Many matches (a common word, a large platform) are found by walking cases newest first until a
-- page is full: the walk follows this index in the order the lists show.
create index intake_case_newest on intake_case (received_at desc, id desc);
drop index intake_case_received;
