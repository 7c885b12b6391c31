-- Articles and the topics they are filed under. Instants are UTC (timestamptz).
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
    constraint scheduled_has_time check (status <> 'SCHEDULED' or publish_at is not null),
    constraint published_has_time check (status not in ('PUBLISHED', 'ARCHIVED') or published_at is not null)
);

create index articles_published_newest on articles (published_at desc, id) where status = 'PUBLISHED';
create index articles_author on articles (author_id, status);
create index articles_due on articles (publish_at) where status = 'SCHEDULED';

create table article_topics (
    article_id uuid not null references articles (id) on delete cascade,
    topic_slug varchar(80) not null references topics (slug),
    primary key (article_id, topic_slug)
);

create index article_topics_topic on article_topics (topic_slug);

insert into topics (slug, name) values
    ('mutual-relationships', 'Mutual relationships'),
    ('couples-therapy', 'Couples therapy'),
    ('anxiety', 'Anxiety'),
    ('depression', 'Low mood and depression'),
    ('communication', 'Communication'),
    ('self-care', 'Self-care'),
    ('starting-therapy', 'Starting therapy');
