-- Search by domain (issue 14): a host and its subdomains are found through a b-tree on the
-- reversed host name, where "instagram.com" and "www.instagram.com" share a prefix. Trigrams could
-- only narrow such a search to every host with similar letters (all of a platform's items, or every
-- "site123.example" among thousands of like names), which took seconds on a million cases.
create index reported_item_host_reversed on reported_item (reverse(host) text_pattern_ops);
drop index reported_item_host_trigrams;
