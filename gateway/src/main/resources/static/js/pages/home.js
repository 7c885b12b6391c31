/*
 * home.js — the home page: latest published articles, topics, and search (q, topic filter,
 * pagination). The search state lives in the address (?q=&topic=&page=) so it can be shared,
 * bookmarked and walked with the browser's back button.
 */
import { get } from '../api.js';
import { initPage } from '../session.js';
import { h, replace, formatDate, showError, announce, pager, focus, loading } from '../ui.js';

const PAGE_SIZE = 10;
const form = document.getElementById('search-form');
const qInput = document.getElementById('search-q');
const topicSelect = document.getElementById('search-topic');
const clearButton = document.getElementById('search-clear');
const list = document.getElementById('articles');
const heading = document.getElementById('articles-heading');
const errorBox = document.getElementById('articles-error');
const pagerBox = document.getElementById('articles-pager');
const topicNames = new Map();

function state() {
  const params = new URLSearchParams(window.location.search);
  params.delete('login');
  return {
    q: params.get('q') || '',
    topic: params.get('topic') || '',
    page: Math.max(0, Number.parseInt(params.get('page') || '0', 10) || 0),
  };
}

function go(next, { moveFocus = true } = {}) {
  const params = new URLSearchParams();
  if (next.q) params.set('q', next.q);
  if (next.topic) params.set('topic', next.topic);
  if (next.page) params.set('page', String(next.page));
  const query = params.toString();
  window.history.pushState(null, '', query ? `/?${query}` : '/');
  load(moveFocus);
}

function articleCard(article) {
  return h('li', { class: 'card', 'data-testid': 'article-card', 'data-slug': article.slug },
    h('h3', {}, h('a', { href: `/article.html?slug=${encodeURIComponent(article.slug)}`, 'data-testid': 'article-link' }, article.title)),
    h('p', { class: 'meta' },
      article.publishedAt ? h('time', { datetime: article.publishedAt }, formatDate(article.publishedAt)) : null,
      article.readingMinutes ? ` · ${article.readingMinutes} min read` : null,
      article.author && article.author.name ? ` · ${article.author.name}` : null),
    snippet(article),
    article.topics && article.topics.length
      ? h('ul', { class: 'tags', 'aria-label': 'Topics' }, article.topics.map((slug) => h('li', {},
        h('a', { class: 'tag', href: `/?topic=${encodeURIComponent(slug)}` }, topicNames.get(slug) || slug))))
      : null);
}

/** The search snippet highlights matches with <mark>; rebuild it from text so no other markup passes. */
function snippet(article) {
  if (!article.snippet) {
    return article.summary ? h('p', {}, article.summary) : null;
  }
  const holder = document.createElement('template');
  holder.innerHTML = article.snippet;
  const paragraph = h('p', { class: 'snippet' });
  for (const node of holder.content.childNodes) {
    if (node.nodeType === Node.ELEMENT_NODE && ['MARK', 'B', 'EM', 'STRONG'].includes(node.nodeName)) {
      paragraph.append(h('mark', {}, node.textContent));
    } else {
      paragraph.append(document.createTextNode(node.textContent));
    }
  }
  return paragraph;
}

async function load(moveFocus = false) {
  const { q, topic, page } = state();
  qInput.value = q;
  topicSelect.value = topic;
  clearButton.hidden = !q && !topic;
  const searching = Boolean(q || topic);
  heading.textContent = searching
    ? `Articles${q ? ` matching “${q}”` : ''}${topic ? ` on ${topicNames.get(topic) || topic}` : ''}`
    : 'Latest articles';
  errorBox.hidden = true;
  list.setAttribute('aria-busy', 'true');
  replace(list, loading('Loading articles…'));
  replace(pagerBox);
  try {
    const result = await get('/api/articles', { q, topic, page, size: PAGE_SIZE });
    if (!result.items.length) {
      replace(list, h('p', { 'data-testid': 'no-results' }, searching
        ? 'No articles match your search. Try other words or all topics.'
        : 'No articles have been published yet.'));
    } else {
      replace(list, h('ul', { class: 'cards' }, result.items.map(articleCard)));
    }
    replace(pagerBox, pager(result, (next) => go({ q, topic, page: next })));
    announce(searching
      ? `${result.totalItems} article${result.totalItems === 1 ? '' : 's'} found.`
      : `Showing ${result.items.length} articles.`);
    if (moveFocus) {
      focus(heading);
    }
  } catch (error) {
    replace(list);
    showError(errorBox, error);
  } finally {
    list.setAttribute('aria-busy', 'false');
  }
}

async function loadTopics() {
  const topicsList = document.getElementById('topics');
  try {
    const topics = await get('/api/topics');
    for (const topic of topics) {
      topicNames.set(topic.slug, topic.name);
      topicSelect.append(h('option', { value: topic.slug }, `${topic.name} (${topic.articleCount})`));
    }
    replace(topicsList, topics.map((topic) => h('li', {},
      h('a', { class: 'tag', href: `/?topic=${encodeURIComponent(topic.slug)}`, 'data-testid': 'topic-link', 'data-topic': topic.slug,
        on: { click: (event) => { event.preventDefault(); go({ q: '', topic: topic.slug, page: 0 }); } } },
      `${topic.name} (${topic.articleCount})`))));
  } catch {
    replace(topicsList, h('li', { class: 'muted' }, 'Topics are unavailable right now.'));
  }
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  go({ q: qInput.value.trim(), topic: topicSelect.value, page: 0 });
});
clearButton.addEventListener('click', () => {
  go({ q: '', topic: '', page: 0 });
  qInput.focus();
});
window.addEventListener('popstate', () => load(true));

initPage({ title: 'Articles and support' });
if (new URLSearchParams(window.location.search).get('login') === 'failed') {
  // the gateway sends a failed or cancelled Keycloak login back here
  const notice = h('div', { 'data-testid': 'login-failed' });
  form.before(notice);
  showError(notice, { readable: 'Logging in did not work. Please try again, or create an account if you do not have one.' });
}
await loadTopics();
await load();
