-- Annual reports: the trusted-flagger report (DSA art. 22(3)) and the hotline's own annual report.
-- Coordinators edit the texts per year and language; figures always come from the year's
-- protected release. Publishing keeps the documents as they were published.
create table stat_annual_text (
    kind       text        not null check (kind in ('dsa-22', 'hotline')),
    year       int         not null check (year between 2000 and 2999),
    section    text        not null check (section in ('introduction', 'independence', 'outlook')),
    lang       text        not null check (lang in ('nl', 'en')),
    body       text        not null,
    updated_at timestamptz not null,
    updated_by text        not null,
    primary key (kind, year, section, lang)
);

create table stat_annual_publication (
    kind         text        not null check (kind in ('dsa-22', 'hotline')),
    year         int         not null,
    lang         text        not null check (lang in ('nl', 'en')),
    pdf          bytea       not null,
    csv          bytea       not null,
    texts_hash   text        not null,
    published_at timestamptz not null,
    published_by text        not null,
    primary key (kind, year, lang)
);
