-- Articles, the topics they are filed under, their slugs (current and former) and revisions.
-- Instants are UTC (timestamptz).
create table topics (
    slug varchar(80) primary key,
    name varchar(120) not null
);

create table articles (
    id                uuid primary key,
    slug              varchar(120) not null unique,
    title             varchar(200) not null,
    summary           varchar(600) not null,
    body_markdown     text not null,
    body_html         text not null,
    -- the body as plain text: what search indexes and its snippets quote
    body_text         text not null,
    reading_minutes   integer not null check (reading_minutes >= 1),
    status            varchar(16) not null check (status in ('DRAFT', 'SCHEDULED', 'PUBLISHED', 'ARCHIVED')),
    author_id         uuid not null,
    author_name       varchar(200) not null,
    cta_kind          varchar(16) not null default 'NONE' check (cta_kind in ('NONE', 'ASSESSMENT', 'BOOKING')),
    cta_assessment_id varchar(64),
    publish_at        timestamptz,
    published_at      timestamptz,
    created_at        timestamptz not null,
    updated_at        timestamptz not null,
    version           bigint not null default 0,
    -- full-text search, weighted: title (A) before summary (B) before body (C); what is matched
    search            tsvector generated always as (
                          setweight(to_tsvector('english', title), 'A')
                          || setweight(to_tsvector('english', summary), 'B')
                          || setweight(to_tsvector('english', body_text), 'C')) stored,
    -- the title and summary part of it: small enough to stay in the row, so ranking thousands of hits never
    -- decompresses their bodies' vectors
    search_head       tsvector generated always as (
                          setweight(to_tsvector('english', title), 'A')
                          || setweight(to_tsvector('english', summary), 'B')) stored,
    constraint scheduled_has_time check (status <> 'SCHEDULED' or publish_at is not null),
    constraint published_has_time check (status not in ('PUBLISHED', 'ARCHIVED') or published_at is not null),
    constraint assessment_cta_has_id check ((cta_kind = 'ASSESSMENT') = (cta_assessment_id is not null))
);

-- the public list, newest first
create index articles_published_newest on articles (published_at desc, id desc) where status = 'PUBLISHED';
-- a therapist's own articles and the admin's status lists
create index articles_author on articles (author_id, status, created_at desc);
create index articles_status on articles (status, created_at desc);
-- what the publishing job looks for
create index articles_due on articles (publish_at) where status = 'SCHEDULED';
-- public full-text search (other statuses are few, and found by articles_status or articles_author)
create index articles_search on articles using gin (search) where status = 'PUBLISHED';

create table article_topics (
    article_id uuid not null references articles (id) on delete cascade,
    topic_slug varchar(80) not null references topics (slug),
    primary key (article_id, topic_slug)
);

create index article_topics_topic on article_topics (topic_slug, article_id);

-- the body's passages (paragraphs, joined up to a few hundred characters), each with its own vector, so that
-- a search hit's snippet is highlighted (ts_headline) in its first matching passage instead of the whole body
create table article_passages (
    article_id uuid not null references articles (id) on delete cascade,
    number     integer not null,
    text       text not null,
    search     tsvector generated always as (to_tsvector('english', text)) stored,
    primary key (article_id, number)
);

-- every slug an article has had, its current one included: a slug belongs to one article for good,
-- and a former slug answers with a redirect to the current one
create table article_slugs (
    slug       varchar(120) primary key,
    article_id uuid not null references articles (id) on delete cascade
);

create index article_slugs_article on article_slugs (article_id);

-- the state an article had before each edit
create table article_revisions (
    article_id        uuid not null references articles (id) on delete cascade,
    number            integer not null check (number >= 1),
    article_version   bigint not null,
    slug              varchar(120) not null,
    title             varchar(200) not null,
    summary           varchar(600) not null,
    body_markdown     text not null,
    topics            varchar(80)[] not null,
    cta_kind          varchar(16) not null,
    cta_assessment_id varchar(64),
    -- when this state was written, and who replaced it with the next one, when
    article_updated_at timestamptz not null,
    replaced_by_id    uuid not null,
    replaced_by_name  varchar(200) not null,
    replaced_at       timestamptz not null,
    primary key (article_id, number)
);

-- ShedLock: one instance at a time runs a scheduled job
create table shedlock (
    name       varchar(64) primary key,
    lock_until timestamp not null,
    locked_at  timestamp not null,
    locked_by  varchar(255) not null
);

insert into topics (slug, name) values
    ('mutual-relationships', 'Mutual relationships'),
    ('couples-therapy', 'Couples therapy'),
    ('anxiety', 'Anxiety'),
    ('depression', 'Low mood and depression'),
    ('communication', 'Communication'),
    ('self-care', 'Self-care'),
    ('starting-therapy', 'Starting therapy');
