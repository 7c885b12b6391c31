/*
 * admin-articles.js — articles by status for admins (and therapists, who see their own):
 * /admin/articles.html?status=DRAFT|SCHEDULED|PUBLISHED|ARCHIVED, each linking to the editor.
 */
import { get } from '../api.js';
import { initPage, hasRole } from '../session.js';
import { h, replace, param, showError, pager, formatDateTime, humanize, announce } from '../ui.js';

const STATUSES = ['DRAFT', 'SCHEDULED', 'PUBLISHED', 'ARCHIVED'];
const box = document.getElementById('articles');
const errorBox = document.getElementById('articles-error');
let status = STATUSES.includes(param('status')) ? param('status') : 'DRAFT';
let pageNumber = 0;

function tabs() {
  replace(document.getElementById('status-tabs'), STATUSES.map((value) => h('li', {}, h('a', {
    href: `?status=${value}`, 'aria-current': value === status ? 'page' : null, 'data-testid': `tab-${value}`,
    on: { click: (event) => {
      event.preventDefault();
      status = value;
      pageNumber = 0;
      window.history.replaceState(null, '', `?status=${value}`);
      tabs();
      load();
    } },
  }, humanize(value)))));
}

function when(article) {
  if (article.status === 'SCHEDULED' && article.publishAt) return `Publishes ${formatDateTime(article.publishAt)}`;
  if (article.publishedAt) return `Published ${formatDateTime(article.publishedAt)}`;
  return '';
}

async function load() {
  box.setAttribute('aria-busy', 'true');
  try {
    const page = await get('/api/articles', { status, page: pageNumber, size: 20 });
    if (!page.items.length) {
      replace(box, h('p', { 'data-testid': 'no-articles' }, `No ${status.toLowerCase()} articles.`));
    } else {
      replace(box, h('div', { class: 'table-wrap' }, h('table', { class: 'data' },
        h('caption', { class: 'visually-hidden' }, `${humanize(status)} articles`),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Title'), h('th', { scope: 'col' }, 'Author'), h('th', { scope: 'col' }, 'Status'), h('th', { scope: 'col' }, 'Date'))),
        h('tbody', {}, page.items.map((article) => h('tr', { 'data-testid': 'admin-article-row', 'data-slug': article.slug, 'data-status': article.status },
          h('td', {}, h('a', { href: `/admin/edit.html?slug=${encodeURIComponent(article.slug)}`, 'data-testid': 'admin-article-edit' }, article.title)),
          h('td', {}, article.author ? article.author.name : ''),
          h('td', {}, humanize(article.status)),
          h('td', {}, when(article))))))));
    }
    document.getElementById('articles-pager').replaceChildren(pager(page, (next) => { pageNumber = next; load(); }) || '');
    announce(`${page.totalItems} ${status.toLowerCase()} article${page.totalItems === 1 ? '' : 's'}.`);
  } catch (error) {
    replace(box);
    showError(errorBox, error);
  } finally {
    box.setAttribute('aria-busy', 'false');
  }
}

const user = await initPage({ title: 'Manage articles', roles: ['admin', 'therapist'] });
if (user) {
  if (!hasRole(user, 'admin')) {
    document.getElementById('page-heading').textContent = 'My articles';
  }
  if (param('deleted')) {
    const notice = h('div', { class: 'alert alert-success', role: 'status', 'data-testid': 'success-message' }, 'The article is deleted.');
    document.getElementById('status-tabs').closest('nav').before(notice);
  }
  tabs();
  load();
}
