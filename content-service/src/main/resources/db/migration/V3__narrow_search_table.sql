-- What search reads of each article, in a narrow table of its own: the search vectors with the few columns a
-- search filters and orders by. A search visits every hit's row to rank it and count it; an article's row is
-- ~950 bytes (9 to a page), this one ~500 (16 to a page), and reading a hit's columns from it costs half as much.
-- The articles table stays the one that is written: a trigger keeps this copy, in the same transaction.
create table article_search (
    id           uuid primary key references articles (id) on delete cascade,
    status       varchar(16) not null,
    author_id    uuid not null,
    published_at timestamptz,
    publish_at   timestamptz,
    created_at   timestamptz not null,
    search_head  tsvector not null,
    search       tsvector not null
);

insert into article_search (id, status, author_id, published_at, publish_at, created_at, search_head, search)
select id, status, author_id, published_at, publish_at, created_at, search_head, search from articles;

create function article_search_copy() returns trigger language plpgsql as $$
begin
    insert into article_search (id, status, author_id, published_at, publish_at, created_at, search_head, search)
    values (new.id, new.status, new.author_id, new.published_at, new.publish_at, new.created_at, new.search_head,
            new.search)
    on conflict (id) do update set status = excluded.status, author_id = excluded.author_id,
        published_at = excluded.published_at, publish_at = excluded.publish_at, created_at = excluded.created_at,
        search_head = excluded.search_head, search = excluded.search;
    return null;
end
$$;

-- after the row is written: the generated vectors are computed by then
create trigger article_search_copy after insert or update on articles
    for each row execute function article_search_copy();

-- public full-text search, and a phrase's candidates among titles with summaries (V2), now on the narrow table
drop index articles_search;
drop index articles_search_head;
create index article_search_published on article_search using gin (search) where status = 'PUBLISHED';
create index article_search_head on article_search using gin (search_head) where status = 'PUBLISHED';
-- an author's own articles of one status, searched
create index article_search_author on article_search (author_id, status);
