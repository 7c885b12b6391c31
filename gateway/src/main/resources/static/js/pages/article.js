/*
 * article.js — one article (/article.html?slug=...): title, author, date, the server-rendered and
 * server-sanitised body, and its call to action (take an assessment, or book a free consultation).
 */
import { get } from '../api.js';
import { initPage } from '../session.js';
import { h, replace, param, formatDate, showError, setTitle, focus } from '../ui.js';

const container = document.getElementById('article');
const errorBox = document.getElementById('article-error');

function callToAction(cta, assessments) {
  if (!cta || cta.kind === 'NONE') {
    return null;
  }
  if (cta.kind === 'ASSESSMENT' && cta.assessmentId) {
    const assessment = assessments.find((entry) => entry.id === cta.assessmentId);
    const name = assessment ? assessment.title : 'a short self-assessment';
    return h('aside', { class: 'cta', 'aria-labelledby': 'cta-heading', 'data-testid': 'article-cta' },
      h('h2', { id: 'cta-heading' }, 'Check in with yourself'),
      h('p', {}, `Take ${name}${assessment && assessment.estimatedMinutes ? ` — about ${assessment.estimatedMinutes} minutes` : ''}. Your answers stay private to you and the practice.`),
      h('p', {}, h('a', { class: 'button', href: `/assessment.html?id=${encodeURIComponent(cta.assessmentId)}`, 'data-testid': 'cta-assessment' }, 'Take the assessment')));
  }
  if (cta.kind === 'BOOKING') {
    return h('aside', { class: 'cta', 'aria-labelledby': 'cta-heading', 'data-testid': 'article-cta' },
      h('h2', { id: 'cta-heading' }, 'Talk it through with a therapist'),
      h('p', {}, 'A free, no-obligation consultation is a chance to ask questions and see whether working together feels right.'),
      h('p', {}, h('a', { class: 'button', href: '/book.html', 'data-testid': 'cta-booking' }, 'Book a free consultation')));
  }
  return null;
}

async function load() {
  const slug = param('slug');
  if (!slug) {
    showError(errorBox, { readable: 'No article was chosen.' });
    replace(container, h('p', {}, h('a', { href: '/' }, 'See all articles')));
    return;
  }
  try {
    const [article, assessments] = await Promise.all([
      get(`/api/articles/${encodeURIComponent(slug)}`),
      get('/api/assessments').catch(() => []),
    ]);
    setTitle(article.title);
    const body = h('div', { class: 'article-body', 'data-testid': 'article-body' });
    // bodyHtml is CommonMark rendered and sanitised by content-service (no scripts, handlers,
    // javascript: URLs or iframes), and the page's Content-Security-Policy blocks inline script.
    body.innerHTML = article.bodyHtml || '';
    const heading = h('h1', { 'data-testid': 'article-title' }, article.title);
    replace(container,
      article.status && article.status !== 'PUBLISHED'
        ? h('p', { class: 'alert alert-info', 'data-testid': 'article-status' }, `This article is ${article.status.toLowerCase()}: only its author and admins can see it.`)
        : null,
      h('header', {},
        heading,
        h('p', { class: 'muted' },
          article.author && article.author.name ? `By ${article.author.name}` : null,
          article.publishedAt ? [' · ', h('time', { datetime: article.publishedAt }, formatDate(article.publishedAt))] : null,
          article.readingMinutes ? ` · ${article.readingMinutes} min read` : null)),
      body,
      callToAction(article.callToAction, assessments),
      h('p', {}, h('a', { href: '/' }, '← All articles')));
  } catch (error) {
    replace(container, h('h1', {}, error.status === 404 ? 'Article not found' : 'The article could not be shown'),
      h('p', {}, h('a', { href: '/' }, 'See all articles')));
    showError(errorBox, error.status === 404
      ? { readable: 'This article does not exist, or it is no longer published.' }
      : error, { focusMessage: false });
    focus(container.querySelector('h1'));
  } finally {
    container.setAttribute('aria-busy', 'false');
  }
}

initPage({ title: 'Article' });
load();
