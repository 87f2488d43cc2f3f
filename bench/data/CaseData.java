package data;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The shared benchmark data generator: fills intake's tables with synthetic cases the way a hotline
 * accumulates them over three years, generated inside PostgreSQL (generate_series) so a million
 * cases take minutes, not hours. Deterministic for a given seed.
 *
 * <p>Per case: a unique case number (a bijection of the row number, so never a collision), a
 * status along the chain, a channel, one or two forms of violence, a receipt time; 60 % carry a
 * description in Dutch-like words drawn with a long tail (a few very common words, many rare ones,
 * and one rare token per case), 20 % a contact e-mail address (partner reports); 1 to 3 reported
 * items (1.45 on average), most on a few large platforms and the rest spread over 50 000 small sites, 40 % with an
 * account name; 10 % an addition from the status page.
 *
 * <p>Usage as a program: {@code java -cp PGJDBC bench/data/CaseData.java JDBC_URL USER PASSWORD CASES [SEED]};
 * other benchmarks call {@link #generate}.
 */
public final class CaseData {

    private CaseData() {
    }

    public static void main(String[] args) throws Exception {
        try (Connection c = DriverManager.getConnection(args[0], args[1], args[2])) {
            generate(c, Integer.parseInt(args[3]), args.length > 4 ? Double.parseDouble(args[4]) : 0.42);
        }
    }

    /** Adds {@code cases} cases (numbered after those already generated) and analyses the tables. */
    public static void generate(Connection c, int cases, double seed) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("select setseed(" + seed + ")");
            s.execute("""
                    create or replace function pg_temp.bench_number(n bigint) returns text language sql immutable as $$
                      select 'RC-' || string_agg(substr('0123456789ABCDEFGHJKMNPQRSTVWXYZ',
                               (((n * 1099511627773) % 1099511627776) >> (5 * k) & 31)::int + 1, 1), '' order by k)
                             filter (where k < 4)
                             || '-' || string_agg(substr('0123456789ABCDEFGHJKMNPQRSTVWXYZ',
                               (((n * 1099511627773) % 1099511627776) >> (5 * k) & 31)::int + 1, 1), '' order by k)
                             filter (where k >= 4)
                      from generate_series(0, 7) k
                    $$""");
            s.execute("""
                    create or replace function pg_temp.bench_word(r double precision) returns text language sql immutable as $$
                      select (array['foto','video','ex','account','gedeeld','online','zonder','toestemming','dreigt','geld',
                        'school','werk','naaktfoto','groep','chat','vriend','instagram','snapchat','telegram','tiktok',
                        'filmpje','verspreid','collega','buurman','nep','deepfake','website','forum','adres','telefoon',
                        'bedreigd','chantage','betalen','bitcoin','afgeperst','gehackt','wachtwoord','profiel','bericht','link'])
                        [1 + floor(40 * power(r, 2.5))::int]
                    $$""");
            long start = System.nanoTime();
            s.execute("drop table if exists pg_temp.bench_offset");
            s.execute("create temporary table bench_offset as select count(*) as n from intake_case");
            s.execute("""
                    insert into intake_case (id, case_number, status, channel, reporter_type, forms, description, contact_consent,
                        contact_email, organisation, received_at, updated_at)
                    select gen_random_uuid(), pg_temp.bench_number(o.n + g),
                        (array['RECEIVED','BEING_ASSESSED','BEING_ASSESSED','NOTICES_SENT','NOTICES_SENT','REMOVED','REMOVED',
                               'REMOVED','REMOVED','CLOSED','CLOSED','CLOSED','ESCALATED','WITHDRAWN'])[1 + floor(random() * 14)::int],
                        (array['web_form','web_form','web_form','web_form','phone','chat','email','partner_api','csv_import','mailbox'])
                            [1 + floor(random() * 10)::int],
                        (array['self','self','on_behalf','professional'])[1 + floor(random() * 4)::int],
                        case when random() < 0.7 then array[(array['non_consensual_sharing','deepfake','sextortion','doxing',
                            'cyberstalking','threat_to_share','non_consensual_recording'])[1 + floor(random() * 7)::int]]
                            else array['non_consensual_sharing', 'sextortion'] end,
                        case when random() < 0.6 then
                            (select string_agg(pg_temp.bench_word(random() + w * 0), ' ') from generate_series(1, 8 + (g % 25)) w)
                            || ' kenmerk' || to_hex(o.n + g) end,
                        random() < 0.2,
                        case when g % 5 = 0 then 'persoon' || (o.n + g) || '@mail' || ((o.n + g) % 500) || '.example' end,
                        case when g % 5 = 0 then 'Partner ' || ((o.n + g) % 40) end,
                        now() - (random() * interval '1095 days'), now()
                    from generate_series(1, :cases) g, bench_offset o""".replace(":cases", Integer.toString(cases)));
            s.execute("""
                    insert into case_status_history (case_id, status, changed_at)
                    select id, 'RECEIVED', received_at from intake_case c
                    where not exists (select 1 from case_status_history h where h.case_id = c.id)""");
            s.execute("""
                    insert into reported_item (id, case_id, position, url, url_normalised, host, platform, account, description, created_at)
                    select gen_random_uuid(), c.id, p, url, url, host,
                        case when host not like 'site%' then split_part(host, '.', 1) end,
                        case when random() < 0.4 then '@' || (array['anna','lisa','jan','kim','sam','noor','daan','eva'])
                            [1 + floor(random() * 8)::int] || '_' || to_hex(floor(random() * 16777216)::int) end,
                        case when random() < 0.15 then 'zelfde ' || pg_temp.bench_word(random()) || ' op ' || host end,
                        c.received_at
                    from (select c.id, c.received_at, p,
                              case when random() < 0.6 then (array['www.instagram.com','x.com','www.tiktok.com','t.me','www.snapchat.com',
                                  'www.reddit.com','www.facebook.com','www.pornhub.com','discord.com','www.youtube.com'])
                                  [1 + floor(power(random(), 1.5) * 10)::int]
                              else 'site' || floor(random() * 50000)::int || '.example' end as host
                          from intake_case c
                          cross join lateral generate_series(1, 1 + (abs(hashtext(c.id::text)) % 100 < 35)::int
                              + (abs(hashtext(c.id::text)) % 100 < 10)::int) p
                          where not exists (select 1 from reported_item i where i.case_id = c.id)) c,
                         lateral (select 'https://' || c.host || '/' || (array['p','video','status','u','post','media'])
                                      [1 + floor(random() * 6)::int] || '/' || md5(c.id::text || c.p) as url) u""");
            s.execute("""
                    insert into case_addition (id, case_id, kind, body, created_at)
                    select gen_random_uuid(), id, 'text', 'aanvulling: ' || pg_temp.bench_word(random()) || ' '
                        || pg_temp.bench_word(random()) || ' nieuw' || to_hex(floor(random() * 1048576)::int),
                        received_at + interval '2 days'
                    from intake_case c where random() < 0.1
                      and not exists (select 1 from case_addition a where a.case_id = c.id)""");
            s.execute("analyze intake_case");
            s.execute("analyze reported_item");
            s.execute("analyze case_addition");
            s.execute("analyze case_status_history");
            System.out.printf("generated %d cases in %.0f s%n", cases, (System.nanoTime() - start) / 1e9);
        }
    }

    /**
     * Fills the statistics read model for the generated cases as the event listeners would have:
     * a coded row per case (gender, age band, relationship, police, a CBS province with 8 % unknown),
     * {@code noticesPerCase} notices per case on average (skewed over 40 platforms, answered, refused
     * and removed at realistic rates and delays) and 0.3 referrals per case.
     */
    public static void generateStatistics(Connection c, double noticesPerCase) throws SQLException {
        try (Statement s = c.createStatement()) {
            long start = System.nanoTime();
            s.execute("""
                    insert into stat_case (case_id, received_at, channel, reporter_type, form, gender, age_band, relationship,
                        police_contacted, municipality, province, items)
                    select c.id, c.received_at, c.channel, coalesce(c.reporter_type, 'unknown'), coalesce(c.forms[1], 'unknown'),
                        (array['woman','woman','woman','woman','woman','man','man','non_binary','other','prefer_not_to_say','unknown'])
                            [1 + floor(random() * 11)::int],
                        (array['under_12','12_15','16_17','18_24','18_24','18_24','25_34','25_34','35_44','45_64','65_plus',
                               'prefer_not_to_say','unknown'])[1 + floor(random() * 13)::int],
                        (array['partner','ex_partner','ex_partner','family','acquaintance','colleague_or_fellow_student',
                               'online_only','stranger','unknown','prefer_not_to_say'])[1 + floor(random() * 10)::int],
                        (array['yes','no','no','no','unsure','unknown'])[1 + floor(random() * 6)::int],
                        'bench', p.province, (select count(*) from reported_item i where i.case_id = c.id)
                    from intake_case c
                    cross join lateral (select case when random() < 0.08 then 'unknown' else (array['Drenthe','Flevoland',
                        'Fryslân','Gelderland','Groningen','Limburg','Noord-Brabant','Noord-Holland','Noord-Holland','Overijssel',
                        'Utrecht','Zeeland','Zuid-Holland','Zuid-Holland'])[1 + floor(random() * 14)::int] end as province
                        where c.id is not null) p
                    where not exists (select 1 from stat_case s where s.case_id = c.id)""");
            s.execute("""
                    insert into stat_notice (notice_id, platform, trusted_flagger, form, legal_status, items, sent_at, sla_due_at,
                        acknowledged_at, decided_at, decision, removed_at)
                    select gen_random_uuid(), n.platform, true, c.form, 'illegal', 1, n.sent_at, n.sent_at + interval '24 hours',
                        case when n.r < 0.85 then n.sent_at + n.ack end,
                        case when n.r < 0.6 then n.sent_at + n.ack + interval '2 hours' end,
                        case when n.r < 0.45 then 'removed' when n.r < 0.55 then 'refused' when n.r < 0.6 then 'restricted' end,
                        case when n.r < 0.45 or n.r > 0.9 then n.sent_at + n.ack * 3 end
                    from stat_case c
                    cross join lateral (select 'platform-' || floor(power(random(), 3) * 40)::int as platform,
                        c.received_at + interval '1 day' * random() * 3 as sent_at, random() as r,
                        interval '1 hour' * (1 + power(random(), 2) * 96) as ack
                        from generate_series(1, floor(:per + random())::int) k where c.case_id is not null) n""".replace(":per",
                    Double.toString(noticesPerCase)));
            s.execute("""
                    insert into stat_referral (id, case_id, kind, organisation, referred_at)
                    select gen_random_uuid(), c.case_id, k.kind, k.org, c.received_at + interval '1 day'
                    from stat_case c
                    cross join lateral (select (array['police','help','help','csam'])[1 + floor(random() * 4)::int] as kind,
                        (array['politie','centrum-seksueel-geweld','slachtofferhulp','veilig-thuis','meldpunt-kinderporno'])
                            [1 + floor(random() * 5)::int] as org where c.case_id is not null) k
                    where random() < 0.3""");
            s.execute("analyze stat_case");
            s.execute("analyze stat_notice");
            s.execute("analyze stat_referral");
            System.out.printf("statistics read model filled in %.0f s%n", (System.nanoTime() - start) / 1e9);
        }
    }

    /**
     * Takedown's notices and escalation's view of overdue items for the generated cases, as the
     * listeners would have left them: {@code notices} notices over the last year to 40 platforms
     * (skewed: a few large ones get most), 85 % acknowledged within 1 to 97 hours, three platforms that
     * ignore almost everything; and for {@code overdueShare} of the reported items an open overdue
     * entry (1 to 3 notices sent, overdue for up to 60 days), the rest removed.
     */
    public static void generateNotices(Connection c, int notices, double overdueShare) throws SQLException {
        try (Statement s = c.createStatement()) {
            long start = System.nanoTime();
            s.execute("""
                    insert into takedown_notice (id, reference, recipient_key, recipient_name, channel, address, language, kind,
                        trusted_flagger, subject, body, message_id, status, attempts, created_at, sent_at, sent_by, sla_due_at,
                        acknowledged_at, decided_at, decision, removed_at)
                    select gen_random_uuid(), 'TN-B' || lpad(to_hex(g), 8, '0'), n.platform, 'Platform ' || n.platform, 'email',
                        'abuse@' || n.platform || '.example', 'nl', case when g % 4 = 0 then 'renotice' else 'first' end, true,
                        'Melding', 'bench', 'bench-' || g || '@recourse.example', 'sent', 1, n.sent_at, n.sent_at, 'bench',
                        n.sent_at + interval '24 hours',
                        case when n.ignores or n.r >= 0.85 then null else n.sent_at + n.ack end,
                        case when not n.ignores and n.r < 0.6 then n.sent_at + n.ack + interval '2 hours' end,
                        case when n.ignores then null when n.r < 0.45 then 'removed' when n.r < 0.55 then 'refused'
                             when n.r < 0.6 then 'restricted' end,
                        case when not n.ignores and n.r < 0.45 then n.sent_at + n.ack * 3 end
                    from generate_series(1, :notices) g
                    cross join lateral (select p.platform, p.platform in ('platform-37', 'platform-38', 'platform-39') as ignores,
                        now() - random() * interval '365 days' as sent_at, random() as r,
                        interval '1 hour' * (1 + power(random(), 2) * 96) as ack
                        from (select 'platform-' || floor(power(random(), 3) * 40)::int + g * 0 as platform) p) n"""
                    .replace(":notices", Integer.toString(notices)));
            s.execute("""
                    insert into escalation_item (reported_item_id, recipient_key, case_id, url, legal_status, forms, child_sexual_abuse,
                        notices_sent, first_overdue_at, last_notice_id, offline_at)
                    select i.id, 'platform-' || floor(power(random(), 3) * 40)::int, i.case_id, i.url, 'illegal',
                        array['non_consensual_sharing'], false, 1 + floor(random() * 3)::int,
                        now() - random() * interval '60 days', gen_random_uuid(),
                        case when random() >= :share then now() - random() * interval '30 days' end
                    from reported_item i
                    where not exists (select 1 from escalation_item e where e.reported_item_id = i.id)"""
                    .replace(":share", Double.toString(overdueShare)));
            s.execute("analyze takedown_notice");
            s.execute("analyze escalation_item");
            System.out.printf("notices and escalation items generated in %.0f s%n", (System.nanoTime() - start) / 1e9);
        }
    }

    /**
     * {@code entries} active PDQ entries in the default bank, as an import would leave them. Entry
     * {@code g}'s hash is {@link #pdqOf(long)}, so a benchmark can ask for near-duplicates of what is
     * stored. Inserted in chunks of a million rows.
     */
    public static void generateMatchEntries(Connection c, long entries) throws SQLException {
        long start = System.nanoTime();
        try (Statement s = c.createStatement()) {
            for (long from = 1; from <= entries; from += 1_000_000) {
                long to = Math.min(entries, from + 999_999);
                s.execute("""
                        insert into match_entry (bank_id, signal_type, signal, quality, source, source_name, status, added_at)
                        select (select id from match_bank where name = 'NCII'), 'PDQ', md5('a' || g) || md5('b' || g), 90, 'IMPORT',
                            'benchmark', 'ACTIVE', now()
                        from generate_series(:from, :to) g""".replace(":from", Long.toString(from)).replace(":to", Long.toString(to)));
            }
            // Vacuumed as well as analysed: otherwise autovacuum's first pass over the freshly inserted
            // table (every row's hint bits, the visibility map) runs during the measurement.
            s.execute("vacuum analyze match_entry");
        }
        System.out.printf("%d match entries generated in %.0f s%n", entries, (System.nanoTime() - start) / 1e9);
    }

    /** The PDQ hash {@link #generateMatchEntries} stores for entry number {@code g} (1-based). */
    public static String pdqOf(long g) {
        try {
            java.security.MessageDigest md5 = java.security.MessageDigest.getInstance("MD5");
            String a = java.util.HexFormat.of().formatHex(md5.digest(("a" + g).getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
            String b = java.util.HexFormat.of().formatHex(md5.digest(("b" + g).getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
            return a + b;
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
