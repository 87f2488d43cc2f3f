-- Enforcement-request letters per authority and language, editable by coordinators; the authority
-- '' is the default for every authority without its own. The blocks in double braces are filled
-- by Recourse: {{basis}} (the legal basis for this authority), {{facts}} (the items) and
-- {{contact}} are required, {{reference}} is required in the subject.
create table escalation_template (
    authority_key text not null,
    language      text not null check (language in ('nl', 'en')),
    subject       text not null,
    body          text not null,
    updated_at    timestamp with time zone not null,
    updated_by    text not null,
    primary key (authority_key, language)
);

insert into escalation_template (authority_key, language, subject, body, updated_at, updated_by) values
('', 'nl', 'Verzoek om handhaving {{reference}}: {{platform}}, {{item_count}} internetadres(sen) niet verwijderd na melding',
'Aan: {{authority}}

Geachte heer, mevrouw,

{{hotline}} is een meldpunt voor slachtoffers van online seksueel geweld, zoals beelden die zonder toestemming zijn verspreid. Wij hebben {{platform}} gemeld dat onderstaande inhoud onrechtmatig is ({{item_count}} internetadres(sen)). Het platform heeft niet binnen een redelijke termijn gehandeld. Wij verzoeken u daarom op te treden.

Rechtsgrond
{{basis}}

Het platform
{{platform_facts}}

De feiten
{{facts}}

Ons verzoek
{{ask}}

Bewijs
{{evidence}}

Contact
{{contact}}

Met vriendelijke groet,
{{hotline}}
', now(), 'seed'),
('', 'en', 'Request for enforcement {{reference}}: {{platform}}, {{item_count}} address(es) not removed after notice',
'To: {{authority}}

Dear Sir or Madam,

{{hotline}} is a hotline for victims of online sexual abuse, such as images shared without consent. We notified {{platform}} that the content below is illegal ({{item_count}} address(es)). The platform has not acted within a reasonable time. We therefore ask you to act.

Legal basis
{{basis}}

The platform
{{platform_facts}}

The facts
{{facts}}

Our request
{{ask}}

Evidence
{{evidence}}

Contact
{{contact}}

Kind regards,
{{hotline}}
', now(), 'seed');
