-- Therapists, their availability, and bookings that can never overlap for one therapist.
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
    created_at             timestamptz not null,
    updated_at             timestamptz not null,
    version                bigint not null default 0
);

create table bookings (
    id             uuid primary key,
    therapist_id   uuid not null references therapists (id),
    client_id      uuid not null,
    start_at       timestamptz not null,
    end_at         timestamptz not null,
    status         varchar(16) not null check (status in ('CONFIRMED', 'CANCELLED')),
    note           varchar(1000),
    follow_up_id   uuid,
    created_at     timestamptz not null,
    cancelled_at   timestamptz,
    cancel_reason  varchar(500),
    version        bigint not null default 0,
    check (end_at > start_at),
    -- the invariant: one therapist never holds two overlapping confirmed bookings
    constraint bookings_no_overlap exclude using gist (
        therapist_id with =,
        tstzrange(start_at, end_at, '[)') with &&
    ) where (status = 'CONFIRMED')
);

create index bookings_therapist_start on bookings (therapist_id, start_at) where status = 'CONFIRMED';
create index bookings_client_start on bookings (client_id, start_at);
