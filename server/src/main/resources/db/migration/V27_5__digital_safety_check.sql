-- Digital-safety check (issue 18): the signals risk assessments miss (stalkerware, known
-- passwords, location sharing, trackers, hacked accounts, images held, threats to spread, doxing,
-- children's devices), each with a plain-language question and advice per language. Texts are
-- versioned like question sets: editing publishes a new version; a check keeps the version it used.
create table referral_safety_text (
    id           uuid primary key,
    version      int  not null,
    signal       text not null,
    language     text not null check (language in ('nl', 'en')),
    question     text not null,
    advice       text not null,
    published_at timestamp with time zone not null,
    published_by text not null,
    unique (version, signal, language)
);

-- One go through the checklist, by an analyst or by the victim on her status page.
create table referral_safety_check (
    id           uuid primary key,
    case_id      uuid not null,
    done_by      text not null,
    by_reporter  boolean not null,
    done_at      timestamp with time zone not null,
    text_version int  not null
);
create index referral_safety_check_case on referral_safety_check (case_id, done_at);

create table referral_safety_answer (
    check_id uuid not null references referral_safety_check (id),
    signal   text not null,
    answer   text not null check (answer in ('yes', 'no', 'unsure')),
    since    date,
    primary key (check_id, signal)
);

-- Every export of a digital risk summary: to whom, with what consent.
create table referral_safety_export (
    id           uuid primary key,
    case_id      uuid not null,
    check_id     uuid not null references referral_safety_check (id),
    shared_with  text not null,
    consent_how  text not null,
    format       text not null check (format in ('json', 'pdf')),
    exported_by  text not null,
    exported_at  timestamp with time zone not null
);

insert into referral_safety_text (id, version, signal, language, question, advice, published_at, published_by) values
    (gen_random_uuid(), 1, 'stalkerware', 'nl', 'Er is stalkerware of spyware op een telefoon of computer, of er zijn tekenen van (de dader weet dingen die alleen op je telefoon staan, de batterij loopt snel leeg, onbekende apps)', 'Verwijder niets voordat je met de politie of ons hebt overlegd: het kan bewijs zijn, en de dader merkt het misschien. Gebruik voor hulp zoeken een apparaat dat de dader nooit in handen heeft gehad. Een telefoon terugzetten naar fabrieksinstellingen verwijdert de meeste stalkerware.', now(), 'seed'),
    (gen_random_uuid(), 1, 'stalkerware', 'en', 'Stalkerware or spyware on a phone or computer, or signs of it (the perpetrator knows things only on your phone, the battery drains fast, unknown apps)', 'Do not remove anything before you have talked to the police or to us: it may be evidence, and the perpetrator may notice. Use a device the perpetrator never had in his hands to look for help. Resetting a phone to factory settings removes most stalkerware.', now(), 'seed'),
    (gen_random_uuid(), 1, 'known_passwords', 'nl', 'De dader kent of kende wachtwoorden of pincodes, of jullie deelden accounts', 'Verander wachtwoorden vanaf een veilig apparaat, begin met je e-mail, en zet tweestapsverificatie aan. Kijk in je accounts welke apparaten zijn ingelogd en log die af.', now(), 'seed'),
    (gen_random_uuid(), 1, 'known_passwords', 'en', 'The perpetrator knows or knew passwords or PIN codes, or you shared accounts', 'Change passwords from a safe device, starting with your e-mail, and turn on two-step verification. Check which devices are signed in to your accounts and sign them out.', now(), 'seed'),
    (gen_random_uuid(), 1, 'location_sharing', 'nl', 'Je locatie wordt gedeeld (Find My, Google Maps, Snapchat-kaart, een gedeeld gezinsaccount)', 'Zet het delen van je locatie uit in elke app, en controleer gedeelde gezins- of familieaccounts. Weet dat de dader kan merken dat het delen stopt: doe het als je veilig bent.', now(), 'seed'),
    (gen_random_uuid(), 1, 'location_sharing', 'en', 'Your location is shared (Find My, Google Maps, the Snapchat map, a shared family account)', 'Turn off location sharing in every app, and check shared family accounts. The perpetrator may notice the sharing stops: do it when you are safe.', now(), 'seed'),
    (gen_random_uuid(), 1, 'tracker', 'nl', 'Er is mogelijk een tracker (zoals een AirTag) in je tas, auto of spullen', 'Een iPhone of de app ''Tracker Detect'' op Android waarschuwt voor onbekende trackers die met je meereizen. Vind je er een, neem hem mee naar de politie in plaats van hem weg te gooien.', now(), 'seed'),
    (gen_random_uuid(), 1, 'tracker', 'en', 'There may be a tracker (such as an AirTag) in your bag, car or belongings', 'An iPhone, or the Tracker Detect app on Android, warns about unknown trackers travelling with you. If you find one, take it to the police rather than throwing it away.', now(), 'seed'),
    (gen_random_uuid(), 1, 'hacked_account', 'nl', 'Een account van jou is overgenomen of er gebeurt iets in je naam', 'Herstel het account via de herstelpagina van het platform en meld de overname daar. Waarschuw je contacten dat berichten uit jouw naam niet van jou zijn.', now(), 'seed'),
    (gen_random_uuid(), 1, 'hacked_account', 'en', 'One of your accounts was taken over, or things happen in your name', 'Recover the account through the platform''s recovery page and report the takeover there. Warn your contacts that messages in your name are not from you.', now(), 'seed'),
    (gen_random_uuid(), 1, 'images_held', 'nl', 'De dader heeft (intieme) beelden van je', 'Je kunt je beelden laten hashen, zodat platforms ze bij uploaden herkennen, zonder dat de beelden je apparaat verlaten. Bewaar bewijs van dreigementen.', now(), 'seed'),
    (gen_random_uuid(), 1, 'images_held', 'en', 'The perpetrator has (intimate) images of you', 'You can have your images hashed so platforms recognise them when uploaded, without the images leaving your device. Keep evidence of threats.', now(), 'seed'),
    (gen_random_uuid(), 1, 'threat_to_spread', 'nl', 'De dader dreigt beelden of informatie te verspreiden', 'Ga niet in op eisen en betaal niet. Bewaar de berichten (schermafdrukken met datum). Dreigen met verspreiden is strafbaar: doe aangifte. Het Centrum Seksueel Geweld helpt binnen 7 dagen met spoed.', now(), 'seed'),
    (gen_random_uuid(), 1, 'threat_to_spread', 'en', 'The perpetrator threatens to spread images or information', 'Do not give in to demands and do not pay. Keep the messages (screenshots with dates). Threatening to spread is a crime: report it to the police. The Centrum Seksueel Geweld helps urgently within 7 days.', now(), 'seed'),
    (gen_random_uuid(), 1, 'doxing', 'nl', 'Je adres, werk of school is online gezet of verspreid', 'Vraag verwijdering bij het platform en bij zoekmachines (persoonsgegevens). Overleg met de politie over je veiligheid thuis en op je werk; bespreek het met je werkgever of school.', now(), 'seed'),
    (gen_random_uuid(), 1, 'doxing', 'en', 'Your address, workplace or school was put online or spread', 'Ask the platform and search engines to remove it (personal data). Talk to the police about your safety at home and at work; discuss it with your employer or school.', now(), 'seed'),
    (gen_random_uuid(), 1, 'children_devices', 'nl', 'Kinderen hebben apparaten of accounts die de dader kent of heeft ingesteld', 'Apps voor ouderlijk toezicht en gedeelde gezinsaccounts kunnen locatie en berichten laten zien. Kijk ze samen met iemand die je vertrouwt na; Veilig Thuis kan meedenken.', now(), 'seed'),
    (gen_random_uuid(), 1, 'children_devices', 'en', 'Children have devices or accounts the perpetrator knows or set up', 'Parental-control apps and shared family accounts can show location and messages. Review them with someone you trust; Veilig Thuis can help think it through.', now(), 'seed');
