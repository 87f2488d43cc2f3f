-- Statistics keeps its own read model, fed by other modules' events (never their tables): one row
-- per case, per notice and per referral, holding only coded fields. Free text never enters it; the
-- municipality is stored as the CBS name it matched (or 'unknown').
create table stat_case (
    case_id          uuid primary key,
    received_at      timestamp with time zone not null,
    channel          text not null,
    reporter_type    text not null,
    form             text not null,
    gender           text not null,
    age_band         text not null,
    relationship     text not null,
    police_contacted text not null,
    municipality     text not null,
    province         text not null,
    items            int  not null
);
create index stat_case_received on stat_case (received_at);

create table stat_notice (
    notice_id        uuid primary key,
    platform         text not null,
    trusted_flagger  boolean not null,
    form             text not null,
    legal_status     text not null,
    items            int  not null,
    sent_at          timestamp with time zone not null,
    sla_due_at       timestamp with time zone,
    acknowledged_at  timestamp with time zone,
    decided_at       timestamp with time zone,
    decision         text,
    removed_at       timestamp with time zone,
    escalated_at     timestamp with time zone
);
create index stat_notice_sent on stat_notice (sent_at);

create table stat_referral (
    id           uuid primary key,
    case_id      uuid not null,
    kind         text not null,
    organisation text not null,
    referred_at  timestamp with time zone not null
);
create index stat_referral_at on stat_referral (referred_at);

-- Re-uploads found by prevention (matching); empty until that source publishes.
create table stat_reupload (
    id        uuid primary key,
    case_id   uuid,
    platform  text not null,
    found_at  timestamp with time zone not null
);
create index stat_reupload_at on stat_reupload (found_at);

-- Taxonomy form -> DSA Transparency Database category and keyword; editable data.
create table stat_dsa_mapping (
    form       text primary key,
    category   text not null,
    keyword    text,
    updated_at timestamp with time zone not null default now()
);
insert into stat_dsa_mapping (form, category, keyword) values
    ('image_based', 'STATEMENT_CATEGORY_CYBER_VIOLENCE_AGAINST_WOMEN', 'KEYWORD_NON_CONSENSUAL_IMAGE_SHARING'),
    ('non_consensual_sharing', 'STATEMENT_CATEGORY_CYBER_VIOLENCE_AGAINST_WOMEN', 'KEYWORD_NON_CONSENSUAL_IMAGE_SHARING'),
    ('non_consensual_recording', 'STATEMENT_CATEGORY_CYBER_VIOLENCE_AGAINST_WOMEN', 'KEYWORD_NON_CONSENSUAL_IMAGE_SHARING'),
    ('deepfake', 'STATEMENT_CATEGORY_CYBER_VIOLENCE_AGAINST_WOMEN', 'KEYWORD_NON_CONSENSUAL_MATERIAL_DEEPFAKE'),
    ('sextortion', 'STATEMENT_CATEGORY_CYBER_VIOLENCE', 'KEYWORD_CYBER_HARASSMENT'),
    ('threat_to_share', 'STATEMENT_CATEGORY_CYBER_VIOLENCE', 'KEYWORD_CYBER_HARASSMENT'),
    ('cyberflashing', 'STATEMENT_CATEGORY_CYBER_VIOLENCE_AGAINST_WOMEN', 'KEYWORD_CYBER_HARASSMENT'),
    ('unwanted_sexting', 'STATEMENT_CATEGORY_CYBER_VIOLENCE', 'KEYWORD_CYBER_HARASSMENT'),
    ('sexual_harassment', 'STATEMENT_CATEGORY_CYBER_VIOLENCE_AGAINST_WOMEN', 'KEYWORD_CYBER_HARASSMENT'),
    ('grooming', 'STATEMENT_CATEGORY_PROTECTION_OF_MINORS', 'KEYWORD_GROOMING_SEXUAL_ENTICEMENT_MINORS'),
    ('sexchat_with_child', 'STATEMENT_CATEGORY_PROTECTION_OF_MINORS', 'KEYWORD_GROOMING_SEXUAL_ENTICEMENT_MINORS'),
    ('cyberstalking', 'STATEMENT_CATEGORY_CYBER_VIOLENCE', 'KEYWORD_CYBER_STALKING'),
    ('stalkerware', 'STATEMENT_CATEGORY_CYBER_VIOLENCE', 'KEYWORD_CYBER_STALKING'),
    ('tracking', 'STATEMENT_CATEGORY_CYBER_VIOLENCE', 'KEYWORD_CYBER_STALKING'),
    ('hacked_account', 'STATEMENT_CATEGORY_CYBER_VIOLENCE', 'KEYWORD_CYBER_HARASSMENT'),
    ('doxing', 'STATEMENT_CATEGORY_CYBER_VIOLENCE', 'KEYWORD_CYBER_HARASSMENT'),
    ('exposure_list', 'STATEMENT_CATEGORY_CYBER_VIOLENCE_AGAINST_WOMEN', 'KEYWORD_CYBER_HARASSMENT'),
    ('hate_speech', 'STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH', 'KEYWORD_HATE_SPEECH'),
    ('incitement_to_violence', 'STATEMENT_CATEGORY_CYBER_VIOLENCE', 'KEYWORD_CYBER_INCITEMENT'),
    ('child_sexual_abuse_material', 'STATEMENT_CATEGORY_PROTECTION_OF_MINORS', 'KEYWORD_CHILD_SEXUAL_ABUSE_MATERIAL'),
    ('something_else', 'STATEMENT_CATEGORY_CYBER_VIOLENCE', null);

-- Presets: a named list of tables (a measure and its dimensions), editable by an admin.
create table stat_preset (
    name        text primary key,
    title       text not null,
    tables      text not null,
    updated_at  timestamp with time zone not null,
    updated_by  text not null
);
insert into stat_preset (name, title, tables, updated_at, updated_by) values
    ('grevio', 'GREVIO art. 11 (Istanbul Convention)',
     E'cases: gender, age_band\ncases: relationship\ncases: form\ncases: police_contacted\ncases: province\nreferrals: organisation\nnotices: action_taken',
     now(), 'seed'),
    ('impactmonitor', 'Impactmonitor huiselijk geweld',
     E'cases: relationship, gender\ncases: age_band\ncases: channel\nreferrals: referral_kind',
     now(), 'seed'),
    ('cbs', 'CBS',
     E'cases: province\ncases: gender, age_band\ncases: form',
     now(), 'seed'),
    ('dsa-22', 'DSA art. 22(3) trusted flagger',
     E'notices: platform, action_taken\nnotices: dsa_category',
     now(), 'seed');
