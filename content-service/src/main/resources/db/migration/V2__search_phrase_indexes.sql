-- a phrase's candidates: the passages and the titles and summaries that have its words, each a small vector
-- that is cheap to check for word positions (the whole body's vector is stored out of line, 5 kB a row)
create index article_passages_search on article_passages using gin (search);
create index articles_search_head on articles using gin (search_head) where status = 'PUBLISHED';
