-- A first question set, after the CSAM hotline's per-image questions, so a fresh installation can
-- assess straight away. Coordinators change it on the question-set page (a new version).
insert into question_set (id, name, created_at) values ('7a000000-0000-4000-8000-000000000001', 'Beeldmateriaal', now());
insert into question_set_version (id, set_id, version, created_by, created_at)
values ('7a000000-0000-4000-8000-000000000002', '7a000000-0000-4000-8000-000000000001', 1, 'seed', now());
insert into question (id, version_id, position, kind, label, options, required) values
('7a000000-0000-4000-8000-000000000011', '7a000000-0000-4000-8000-000000000002', 1, 'radio',
 'Is de persoon op de beelden herkenbaar?', array['ja', 'nee', 'onduidelijk'], true),
('7a000000-0000-4000-8000-000000000012', '7a000000-0000-4000-8000-000000000002', 2, 'checkbox',
 'Wat is er te zien of te lezen?', array['naakt', 'seksuele handeling', 'gezicht', 'naam, adres of andere gegevens'], false),
('7a000000-0000-4000-8000-000000000013', '7a000000-0000-4000-8000-000000000002', 3, 'select',
 'Geschatte leeftijd van de persoon', array['volwassene', 'mogelijk minderjarig', 'minderjarig', 'onbekend'], false),
('7a000000-0000-4000-8000-000000000014', '7a000000-0000-4000-8000-000000000002', 4, 'text',
 'Opmerkingen voor collega''s', '{}', false);
