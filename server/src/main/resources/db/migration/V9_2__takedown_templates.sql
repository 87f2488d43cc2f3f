-- The default notice templates (recipient '' applies to everyone without their own), Dutch and English.
insert into takedown_template (recipient_key, language, subject, body, updated_at, updated_by) values
('', 'nl', 'Verwijderverzoek (DSA art. 16) [{{reference}}]',
'Geachte {{recipient}},

Wij melden u hieronder inhoud op uw dienst die naar ons oordeel illegaal is, en verzoeken u die te verwijderen of ontoegankelijk te maken.

{{trusted_flagger}}

{{items}}

{{notifier}}

{{good_faith}}

Wij ontvangen graag een ontvangstbevestiging (artikel 16, lid 4, DSA) en uw besluit met de mogelijkheden om daartegen op te komen (artikel 16, lid 5, DSA). Antwoord op deze e-mail of vermeld {{reference}} in het onderwerp.

Met vriendelijke groet,
Meldpunt', now(), 'seed'),
('', 'en', 'Notice of illegal content (DSA Art. 16) [{{reference}}]',
'Dear {{recipient}},

We notify you of content on your service that we consider illegal, and ask you to remove it or disable access to it.

{{trusted_flagger}}

{{items}}

{{notifier}}

{{good_faith}}

Please confirm receipt (Article 16(4) DSA) and inform us of your decision and the possibilities for redress (Article 16(5) DSA). Reply to this e-mail or quote {{reference}} in the subject.

Kind regards,
The hotline', now(), 'seed');
