-- Messages are rendered when they are sent, after the change that caused them committed, from what
-- they may say (`request`: the booking's notice and the audience, or an invitation's name), so a
-- booking's transaction writes one small row per message instead of rendering it and its calendar
-- invitation while holding its connection. Rows queued before keep their rendered text and are
-- sent as they are.
alter table mail_outbox add column request jsonb;
alter table mail_outbox alter column subject drop not null;
alter table mail_outbox alter column text_body drop not null;
alter table mail_outbox alter column html_body drop not null;
alter table mail_outbox add constraint mail_outbox_request_or_rendered
    check (request is not null or (subject is not null and text_body is not null and html_body is not null));
