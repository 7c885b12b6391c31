-- Email notifications: who to write to, in which zone, and the outbox the sender delivers from.

-- the therapist's address, from their token when they save their profile
alter table therapists add column email varchar(320);

-- the client's address and name, from their token at booking time; the zone they asked times in
-- (null: the therapist's); the iCalendar SEQUENCE, raised by each reschedule and the cancellation
alter table bookings add column client_email varchar(320);
alter table bookings add column client_name varchar(200);
alter table bookings add column client_time_zone varchar(64);
alter table bookings add column sequence integer not null default 0;

-- Messages waiting to be sent, written in the transaction of the change that causes them. Reminders
-- are rows like any other, due before the consultation; a reschedule or cancellation cancels them.
create table mail_outbox (
    id               uuid primary key,
    kind             varchar(32) not null check (kind in ('BOOKING_CONFIRMED', 'BOOKING_RESCHEDULED',
                         'BOOKING_CANCELLED', 'REMINDER', 'CONSULTATION_INVITATION')),
    booking_id       uuid references bookings (id),
    recipient        varchar(320) not null,
    subject          varchar(500) not null,
    text_body        text not null,
    html_body        text not null,
    -- the .ics attached, and its iTIP method (REQUEST or CANCEL)
    ics              text,
    ics_method       varchar(16),
    status           varchar(16) not null check (status in ('PENDING', 'SENT', 'FAILED', 'CANCELLED')),
    due_at           timestamptz not null,
    attempts         integer not null default 0,
    last_attempt_at  timestamptz,
    last_error       varchar(1000),
    created_at       timestamptz not null,
    sent_at          timestamptz
);

-- what the sender claims: pending rows by due time
create index mail_outbox_due on mail_outbox (due_at, created_at) where status = 'PENDING';
create index mail_outbox_booking on mail_outbox (booking_id, kind) where status = 'PENDING';
-- one pending reminder per booking and lead time
create unique index mail_outbox_one_reminder on mail_outbox (booking_id, due_at)
    where kind = 'REMINDER' and status = 'PENDING';
