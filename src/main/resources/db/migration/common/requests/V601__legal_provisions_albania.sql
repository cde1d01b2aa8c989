-- The catalogue's first provisions: the Albanian Code of Criminal Procedure's articles on computer
-- data that implement the Budapest Convention (arts. 16-19), and the Convention's Second Additional
-- Protocol articles on direct requests to providers. The platform operator maintains the catalogue
-- through the API and adds other countries' provisions; a provision is retired, never deleted.
INSERT INTO legal_provision (id, country, code, title_sq, title_en, instrument, fictional, created_at) VALUES
('6a1f3c7e-0a01-4d6e-9a01-000000000001', 'AL', 'KPP neni 191/a',
 'Kodi i Procedurës Penale, neni 191/a — Detyrimi për dorëzimin e të dhënave kompjuterike',
 'Code of Criminal Procedure, art. 191/a — Obligation to hand over computer data', 'CODE', FALSE, CURRENT_TIMESTAMP),
('6a1f3c7e-0a01-4d6e-9a01-000000000002', 'AL', 'KPP neni 208/a',
 'Kodi i Procedurës Penale, neni 208/a — Sekuestrimi i të dhënave kompjuterike',
 'Code of Criminal Procedure, art. 208/a — Seizure of computer data', 'CODE', FALSE, CURRENT_TIMESTAMP),
('6a1f3c7e-0a01-4d6e-9a01-000000000003', 'AL', 'KPP neni 299/a',
 'Kodi i Procedurës Penale, neni 299/a — Ruajtja e përshpejtuar dhe mirëmbajtja e të dhënave kompjuterike',
 'Code of Criminal Procedure, art. 299/a — Expedited preservation and maintenance of computer data', 'CODE', FALSE, CURRENT_TIMESTAMP),
('6a1f3c7e-0a01-4d6e-9a01-000000000004', 'AL', 'KPP neni 299/b',
 'Kodi i Procedurës Penale, neni 299/b — Ruajtja e përshpejtuar dhe zbulimi i pjesshëm i të dhënave të trafikut',
 'Code of Criminal Procedure, art. 299/b — Expedited preservation and partial disclosure of traffic data', 'CODE', FALSE, CURRENT_TIMESTAMP),
('6a1f3c7e-0a01-4d6e-9a01-000000000005', 'AL', 'CETS 224 neni 6',
 'Protokolli i Dytë Shtesë i Konventës së Budapestit, neni 6 — Kërkesa për informacion mbi regjistrimin e emrave të domenit',
 'Second Additional Protocol to the Budapest Convention, art. 6 — Request for domain name registration information', 'TREATY', FALSE, CURRENT_TIMESTAMP),
('6a1f3c7e-0a01-4d6e-9a01-000000000006', 'AL', 'CETS 224 neni 7',
 'Protokolli i Dytë Shtesë i Konventës së Budapestit, neni 7 — Zbulimi i informacionit të abonentit',
 'Second Additional Protocol to the Budapest Convention, art. 7 — Disclosure of subscriber information', 'TREATY', FALSE, CURRENT_TIMESTAMP);
