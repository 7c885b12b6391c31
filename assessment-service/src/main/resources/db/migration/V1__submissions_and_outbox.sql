-- Submissions of assessments, scored under the instrument version they were made with, and the
-- transactional outbox their events leave through.
create table submissions (
    id                      uuid primary key,
    assessment_id           varchar(64) not null,
    assessment_version      integer not null,
    client_id               uuid not null,
    submitted_at            timestamptz not null,
    answers                 jsonb not null,
    total_score             integer not null,
    band_code               varchar(64) not null,
    band_label              varchar(200) not null,
    band_description        text not null,
    subscales               jsonb not null,
    risk_flags              jsonb not null,
    recommendation_kind     varchar(32) not null
        check (recommendation_kind in ('SELF_GUIDED', 'BOOK_FREE_CONSULTATION', 'URGENT_SUPPORT')),
    recommendation_message  text not null,
    consent_to_contact      boolean not null
);

create index submissions_client_newest on submissions (client_id, submitted_at desc, id desc);
create index submissions_newest on submissions (submitted_at desc, id desc);
create index submissions_assessment_newest on submissions (assessment_id, submitted_at desc, id desc);

-- One row per event to publish, written in the same transaction as what it announces. The id is the
-- CloudEvents id, created_at its time. A relay publishes pending rows (published_at is null) in
-- batches claimed with FOR UPDATE SKIP LOCKED, so that instances never publish the same row at once.
create table outbox_events (
    id              uuid primary key,
    topic           varchar(249) not null,
    event_key       varchar(200) not null,
    event_type      varchar(200) not null,
    payload         jsonb not null,
    created_at      timestamptz not null,
    published_at    timestamptz,
    attempts        integer not null default 0,
    last_error      varchar(1000)
);

create index outbox_events_pending on outbox_events (created_at, id) where published_at is null;
create index outbox_events_published on outbox_events (published_at) where published_at is not null;
