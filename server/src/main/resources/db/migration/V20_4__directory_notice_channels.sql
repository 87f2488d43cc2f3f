-- Notice channels the seeded platforms publish, each with where it was found and when. There was
-- no internet when this was written: the sources are stored copies of public pages, read on the
-- date given; every note says so, and a coordinator should check the live page before relying on
-- it. Platforms not listed here still have no channel: their directory page says "channel
-- unknown" and their first take-down waits on the "needs attention" list until one is entered.
-- Each change is a new version of the entry, kept in the history like an edit on the page.
create function pg_temp.seed_channel_note(notes jsonb, note jsonb) returns jsonb language sql as $$
    select coalesce((select jsonb_agg(n) from jsonb_array_elements(notes) n
                     where n ->> 'text' not like 'Notice channels (e-mail, API, web form) are not seeded%'), '[]'::jsonb)
           || jsonb_build_array(note)
$$;

update directory_organisation
set notice_email = 'dsa-enquiries@snapchat.com',
    dsa_contact = 'dsa-enquiries@snapchat.com',
    source_notes = pg_temp.seed_channel_note(source_notes, jsonb_build_object(
        'date', '2026-12-03',
        'source', 'Snap, EU transparency page, https://values.snap.com/privacy/transparency/european-union-h2-2022 (page dated 25 August 2023; read in a stored copy, not live)',
        'text', 'DSA point of contact: Snap Group Limited names Snap B.V. (Keizersgracht 165, 1016 DP Amsterdam) as its legal representative, reachable at dsa-enquiries@snapchat.com. Recorded as the notice e-mail; no separate notice address for trusted flaggers was found.')),
    version = version + 1, updated_at = now(), updated_by = 'seed: V20_4 notice channels'
where key = 'snapchat' and notice_email is null;

update directory_organisation
set notice_form = 'https://www.tiktok.com/legal/page/global/reporting-illegal-content/en',
    source_notes = pg_temp.seed_channel_note(source_notes, jsonb_build_object(
        'date', '2026-12-03',
        'source', 'TikTok, Reporting Illegal Content, https://www.tiktok.com/legal/page/global/reporting-illegal-content/en (read in a stored copy, not live)',
        'text', 'Notice web form: under the DSA TikTok takes reports of illegal content through the option "Report illegal content" on the content itself, in the app and on the website; the report names the country, the law and the reasons. The page describing it is recorded as the web form. No e-mail address or trusted-flagger channel is published there.')),
    version = version + 1, updated_at = now(), updated_by = 'seed: V20_4 notice channels'
where key = 'tiktok' and notice_form is null;

update directory_organisation
set notice_form = 'https://www.pornhub.com/content-removal',
    source_notes = pg_temp.seed_channel_note(source_notes, jsonb_build_object(
        'date', '2026-12-03',
        'source', 'Pornhub Terms of Service, https://www.pornhub.com/information/terms, as recorded in the chaynHQ/tools platform-policy data (lib/platform-policies/pornhub.ts, page accessed 2026-07-04)',
        'text', 'Notice web form: the Terms of Service send reports of content that breaks the law or the terms to the electronic content-removal form at pornhub.com/content-removal (or the Report button under each item). The terms also name dsa@pornhub.com, but for complaints about moderation decisions, not for notices. Pornhub runs a trusted-flagger programme for NGOs; no public address for it was found.')),
    version = version + 1, updated_at = now(), updated_by = 'seed: V20_4 notice channels'
where key = 'pornhub' and notice_form is null;

update directory_organisation
set source_notes = source_notes || jsonb_build_array(jsonb_build_object(
        'date', '2026-12-03',
        'source', 'LinkedIn Help, DSA Trusted Flaggers, https://www.linkedin.com/help/linkedin/answer/a6296744 (read in a stored copy, not live)',
        'text', 'Trusted flaggers: organisations with trusted-flagger status under DSA art. 22 are on-boarded to dedicated reporting tools after applying through a form on that page; LinkedIn then checks the applicant acts for the trusted flagger. No notice address is published there, so no channel is recorded yet.')),
    version = version + 1, updated_at = now(), updated_by = 'seed: V20_4 notice channels'
where key = 'linkedin';

insert into directory_organisation_history (organisation_id, version, snapshot, changed_at, changed_by)
select o.id, o.version, to_jsonb(o), o.updated_at, o.updated_by from directory_organisation o
where o.updated_by = 'seed: V20_4 notice channels';
