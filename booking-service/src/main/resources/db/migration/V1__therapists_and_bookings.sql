-- Therapists, their availability, bookings that can never overlap for one therapist, idempotency keys,
-- follow-ups and the events they came from.
create extension if not exists btree_gist;

create table therapists (
    id                     uuid primary key,
    display_name           varchar(200) not null,
    bio                    text not null default '',
    specialties            text[] not null default '{}',
    languages              text[] not null default '{}',
    time_zone              varchar(64) not null,
    consultation_minutes   integer not null check (consultation_minutes between 15 and 90),
    buffer_minutes         integer not null default 0 check (buffer_minutes between 0 and 120),
    minimum_notice_hours   integer not null default 12 check (minimum_notice_hours between 0 and 720),
    horizon_days           integer not null default 60 check (horizon_days between 1 and 365),
    availability           jsonb not null default '{"weekly": [], "overrides": []}',
    -- SHA-256 (hex) of the secret token of the private calendar subscription URL; null when there is none
    calendar_token_hash    varchar(64),
    created_at             timestamptz not null,
    updated_at             timestamptz not null,
    version                bigint not null default 0
);

create unique index therapists_calendar_token on therapists (calendar_token_hash) where calendar_token_hash is not null;

create table follow_ups (
    id              uuid primary key,
    event_id        varchar(200) not null unique,
    submission_id   varchar(100) not null,
    assessment_id   varchar(100) not null,
    client_id       uuid not null,
    client_name     varchar(200),
    total_score     integer,
    band_code       varchar(100),
    risk_flags      text[] not null default '{}',
    priority        varchar(16) not null check (priority in ('URGENT', 'ROUTINE')),
    status          varchar(16) not null check (status in ('OPEN', 'CLAIMED', 'BOOKED', 'CLOSED')),
    claimed_by      uuid,
    booking_id      uuid,
    outcome         varchar(2000),
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    version         bigint not null default 0
);

-- the therapists' queue: URGENT first, then oldest first
create index follow_ups_queue on follow_ups (status, priority, created_at);
create index follow_ups_client on follow_ups (client_id, created_at);

create table bookings (
    id               uuid primary key,
    therapist_id     uuid not null references therapists (id),
    client_id        uuid not null,
    -- only the initials: calendars name no client by full name
    client_initials  varchar(8) not null default '',
    start_at         timestamptz not null,
    end_at           timestamptz not null,
    status           varchar(16) not null check (status in ('CONFIRMED', 'CANCELLED')),
    note             varchar(1000),
    follow_up_id     uuid references follow_ups (id),
    created_at       timestamptz not null,
    cancelled_at     timestamptz,
    cancel_reason    varchar(500),
    version          bigint not null default 0,
    check (end_at > start_at),
    -- the invariant: one therapist never holds two overlapping confirmed bookings
    constraint bookings_no_overlap exclude using gist (
        therapist_id with =,
        tstzrange(start_at, end_at, '[)') with &&
    ) where (status = 'CONFIRMED')
);

create index bookings_therapist_start on bookings (therapist_id, start_at) where status = 'CONFIRMED';
create index bookings_client_start on bookings (client_id, start_at);
create index bookings_start on bookings (start_at);

-- Idempotency-Key of POST /api/bookings, per client, kept 24 hours.
create table idempotency_keys (
    client_id        uuid not null,
    idempotency_key  varchar(200) not null,
    request_hash     varchar(64) not null,
    response_status  integer,
    response_body    text,
    booking_id       uuid,
    created_at       timestamptz not null,
    primary key (client_id, idempotency_key)
);

create index idempotency_keys_created on idempotency_keys (created_at);

-- Every assessment.completed.v1 event processed, recorded in the transaction of its effect.
create table processed_events (
    event_id      varchar(200) primary key,
    event_type    varchar(200) not null,
    processed_at  timestamptz not null
);
