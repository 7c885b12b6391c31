-- The Idempotency-Keys of POST /api/assessments/{id}/submissions, per client: a repeated request (a retry after an
-- answer that was lost, a second click) is answered with the first one's answer instead of making a second
-- submission, event and follow-up. Kept 24 hours.
create table submission_idempotency_keys (
    client_id        uuid not null,
    idempotency_key  varchar(200) not null,
    request_hash     varchar(64) not null,
    response_status  integer,
    response_body    text,
    submission_id    uuid,
    created_at       timestamptz not null,
    primary key (client_id, idempotency_key)
);

create index submission_idempotency_keys_created on submission_idempotency_keys (created_at);
