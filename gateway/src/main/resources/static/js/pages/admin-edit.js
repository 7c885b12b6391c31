/*
 * admin-edit.js — the article editor (/admin/edit.html for a new article, ?slug=... to edit):
 * Markdown with a live preview (marked + DOMPurify, vendored; preview only, the server renders the
 * real bodyHtml), save as a draft (POST, or PUT with If-Match from the ETag; 412 means someone else
 * changed it), and for admins publish now, schedule (a local date-time in the browser's zone turned
 * into an instant), archive, delete; earlier versions with restore.
 */
import { get, request, markContentChanged } from '../api.js';
import { initPage, hasRole } from '../session.js';
import {
  h, replace, param, showError, showMessage, clearErrors, focus, busy, formatDateTime, humanize, browserZone, zoneLabel,
} from '../ui.js';

const form = document.getElementById('article-form');
const errorBox = document.getElementById('editor-error');
const messageBox = document.getElementById('editor-message');
const preview = document.getElementById('preview');
const statePanel = document.getElementById('state-panel');
let user;
let article = null;
let etag = null;
let dirty = false;
let renderMarkdown = null;

function tagOf(response, current) {
  return response.headers.get('ETag') || (current ? `"${current.id.slice(0, 8)}-${current.version}"` : null);
}

async function loadPreviewLibraries() {
  try {
    const [{ marked }, { default: DOMPurify }] = await Promise.all([
      import('../../vendor/marked/marked.esm.js'),
      import('../../vendor/dompurify/purify.es.js'),
    ]);
    renderMarkdown = (markdown) => DOMPurify.sanitize(marked.parse(markdown || '', { gfm: true }));
  } catch (error) {
    console.warn('Preview unavailable', error);
    renderMarkdown = null;
  }
  updatePreview();
}

// Images from another host are not loaded: the site's Content-Security-Policy allows images from its own address
// and from the hosts its operators name, so that readers' browsers tell no other site what they read. The browser
// reports an image it refuses (once per address), and the policy refuses a host's images for as long as the page is
// open; under the preview the editor names the refused hosts whose images the preview shows, instead of leaving a
// broken image unexplained.
const refusedImageHosts = new Set();

function hostOf(address) {
  try {
    return new URL(address, window.location.href).host;
  } catch {
    return '';
  }
}

document.addEventListener('securitypolicyviolation', (event) => {
  const host = (event.effectiveDirective === 'img-src') ? hostOf(event.blockedURI) : '';
  if (host && !refusedImageHosts.has(host)) {
    refusedImageHosts.add(host);
    showRefusedImages();
  }
});

function showRefusedImages() {
  const shown = new Set([...preview.querySelectorAll('img')].map((image) => hostOf(image.getAttribute('src'))));
  const hosts = [...refusedImageHosts].filter((host) => shown.has(host)).sort();
  let hint = document.getElementById('image-hint');
  if (hosts.length === 0) {
    hint?.remove();
    return;
  }
  if (!hint) {
    hint = h('p', { id: 'image-hint', class: 'hint', role: 'status', 'data-testid': 'image-hint' });
    preview.after(hint);
  }
  const text = `Images from ${hosts.join(', ')} will not show on this site: it shows images only from its own address `
    + 'and from the hosts its operators allow (the gateway setting mutuality.gateway.security.image-sources), so that '
    + 'readers\' browsers tell no other site what they read.';
  // unchanged text is left alone: a screen reader announces the status once, not after every keystroke
  if (hint.textContent !== text) {
    replace(hint, text);
  }
}

let previewTimer = 0;
function updatePreview() {
  window.clearTimeout(previewTimer);
  previewTimer = window.setTimeout(() => {
    if (renderMarkdown) {
      preview.innerHTML = renderMarkdown(form.elements.bodyMarkdown.value);
      showRefusedImages();
    } else {
      replace(preview, h('p', { class: 'muted' }, 'The preview is unavailable; save and view the page instead.'));
    }
  }, 150);
}

function updateCtaField() {
  document.getElementById('cta-assessment-field').hidden = form.elements['callToAction.kind'].value !== 'ASSESSMENT';
}

function fill(current) {
  form.elements.title.value = current.title || '';
  form.elements.slug.value = current.slug || '';
  form.elements.summary.value = current.summary || '';
  form.elements.topics.value = (current.topics || []).join(', ');
  form.elements.bodyMarkdown.value = current.bodyMarkdown || '';
  const cta = current.callToAction || { kind: 'NONE' };
  form.elements['callToAction.kind'].value = cta.kind || 'NONE';
  if (cta.assessmentId) form.elements['callToAction.assessmentId'].value = cta.assessmentId;
  updateCtaField();
  updatePreview();
  dirty = false;
}

function collect() {
  const kind = form.elements['callToAction.kind'].value;
  return {
    title: form.elements.title.value.trim(),
    slug: form.elements.slug.value.trim() || null,
    summary: form.elements.summary.value.trim() || null,
    topics: form.elements.topics.value.split(',').map((topic) => topic.trim()).filter(Boolean),
    bodyMarkdown: form.elements.bodyMarkdown.value,
    callToAction: { kind, assessmentId: kind === 'ASSESSMENT' ? form.elements['callToAction.assessmentId'].value : null },
  };
}

/** Shows the article's status and the actions an admin may take from it. */
function renderState() {
  const heading = document.getElementById('page-heading');
  if (!article) {
    heading.textContent = 'New article';
    statePanel.hidden = true;
    return;
  }
  heading.textContent = `Edit: ${article.title}`;
  statePanel.hidden = false;
  const parts = [`${humanize(article.status)}.`];
  if (article.status === 'SCHEDULED' && article.publishAt) parts.push(`Publishes automatically ${formatDateTime(article.publishAt)}.`);
  if (article.publishedAt) parts.push(`Published ${formatDateTime(article.publishedAt)}.`);
  parts.push(`Last saved ${formatDateTime(article.updatedAt)} (version ${article.version}).`);
  document.getElementById('state-text').textContent = parts.join(' ');
  document.getElementById('state-text').dataset.status = article.status;
  const admin = hasRole(user, 'admin');
  // content-service's transitions: publish and schedule from DRAFT or SCHEDULED, archive from PUBLISHED
  const unpublished = article.status === 'DRAFT' || article.status === 'SCHEDULED';
  document.getElementById('publish-now').hidden = !admin || !unpublished;
  document.getElementById('schedule-form').hidden = !admin || !unpublished;
  document.getElementById('archive').hidden = !admin || article.status !== 'PUBLISHED';
  document.getElementById('delete-area').hidden = !admin;
  showPublishAtZone();
  const view = document.getElementById('view-article');
  view.href = `/article.html?slug=${encodeURIComponent(article.slug)}`;
  form.querySelector('[data-testid="article-save"]').textContent = article.status === 'PUBLISHED' ? 'Save changes' : 'Save draft';
}

/** The zone with the offset it has at the chosen time (summer time or not), today's until a time is chosen. */
function showPublishAtZone() {
  const value = document.getElementById('schedule-form').elements.publishAt.value;
  const when = value ? new Date(value) : new Date(); // datetime-local is read in the browser's zone
  document.getElementById('publish-at-zone').textContent =
    `(${zoneLabel(browserZone(), Number.isNaN(when.getTime()) ? new Date() : when)})`;
}

function accept(data, response, message) {
  if (message) {
    markContentChanged(); // saved, published, scheduled, archived or restored
  }
  article = data;
  etag = tagOf(response, data);
  fill(article);
  renderState();
  const url = new URL(window.location.href);
  url.searchParams.set('slug', article.slug);
  window.history.replaceState(null, '', url);
  loadRevisions();
  if (message) focus(showMessage(messageBox, message));
}

async function save(event) {
  event.preventDefault();
  messageBox.hidden = true;
  errorBox.hidden = true;
  clearErrors(form);
  await busy(form.querySelector('[data-testid="article-save"]'), async () => {
    try {
      const { data, response } = article
        ? await request(`/api/articles/${article.id}`, { method: 'PUT', body: collect(), headers: etag ? { 'If-Match': etag } : {} })
        : await request('/api/articles', { method: 'POST', body: collect() });
      accept(data, response, 'Saved.');
    } catch (error) {
      if (error.status === 412) {
        showError(errorBox, { status: 412, readable: 'Someone else changed this article since you opened it. Reload to see their version (copy your text first if you need it).' });
      } else if (error.status === 409) {
        showError(errorBox, error, { form });
        if (!(error.errors || []).length) placeSlugConflict(error);
      } else {
        showError(errorBox, error, { form });
      }
    }
  }, 'Saving…');
}

function placeSlugConflict(error) {
  const holder = form.querySelector('[data-error-for="slug"]') || h('p', { class: 'field-error', 'data-error-for': 'slug', id: 'error-slug' });
  holder.textContent = error.detail || 'This address is taken; choose another.';
  holder.hidden = false;
  form.elements.slug.insertAdjacentElement('afterend', holder);
  form.elements.slug.setAttribute('aria-invalid', 'true');
  form.elements.slug.setAttribute('aria-describedby', 'slug-hint error-slug');
}

/** Runs a state change (publish, schedule, archive) on the saved article. */
async function transition(button, path, body, message) {
  if (dirty) {
    showError(errorBox, { readable: 'Save your changes first, then publish, schedule or archive.' });
    return;
  }
  messageBox.hidden = true;
  errorBox.hidden = true;
  await busy(button, async () => {
    try {
      const { data, response } = await request(`/api/articles/${article.id}/${path}`, { method: 'POST', body });
      accept(data, response, message(data));
    } catch (error) {
      showError(errorBox, error, { form: document.getElementById('schedule-form') });
    }
  });
}

async function loadRevisions() {
  const section = document.getElementById('revisions-section');
  const box = document.getElementById('revisions');
  if (!article) {
    section.hidden = true;
    return;
  }
  try {
    const page = await get(`/api/articles/${article.id}/revisions`, { size: 20 });
    section.hidden = false;
    if (!page.items.length) {
      replace(box, h('p', { class: 'muted' }, 'No earlier versions yet.'));
      return;
    }
    replace(box, h('ul', { class: 'plain-list' }, page.items.map((revision) => h('li', { 'data-testid': 'revision', 'data-number': revision.number },
      h('p', {}, h('strong', {}, `Revision ${revision.number}: ${revision.title}`), ' — written ',
        formatDateTime(revision.writtenAt), ', replaced ',
        formatDateTime(revision.replacedAt), revision.replacedBy && revision.replacedBy.name ? ` by ${revision.replacedBy.name}` : ''),
      h('details', {}, h('summary', {}, 'Show its text'), h('pre', { class: 'revision-body' }, revision.bodyMarkdown)),
      h('button', { type: 'button', class: 'button button-secondary', 'data-testid': 'revision-restore', on: { click: (event) => restore(revision, event.currentTarget) } },
        `Restore revision ${revision.number}`)))));
  } catch (error) {
    section.hidden = false;
    replace(box, h('p', { class: 'muted' }, error.status === 403 || error.status === 404 ? 'Earlier versions are not available to your account.' : error.readable));
  }
}

async function restore(revision, button) {
  if (dirty) {
    showError(errorBox, { readable: 'Save or discard your changes before restoring an earlier version.' });
    return;
  }
  await busy(button, async () => {
    try {
      const { data, response } = await request(`/api/articles/${article.id}/revisions/${revision.number}/restore`, { method: 'POST', headers: etag ? { 'If-Match': etag } : {} });
      accept(data, response, `Revision ${revision.number} is restored as the current text.`);
    } catch (error) {
      showError(errorBox, error);
    }
  }, 'Restoring…');
}

function wire() {
  form.addEventListener('submit', save);
  form.addEventListener('input', (event) => {
    dirty = true;
    if (event.target.name === 'bodyMarkdown') updatePreview();
  });
  form.elements['callToAction.kind'].addEventListener('change', updateCtaField);
  window.addEventListener('beforeunload', (event) => {
    if (dirty) event.preventDefault();
  });
  document.getElementById('publish-now').addEventListener('click', (event) => transition(event.currentTarget, 'publish', {},
    () => 'Published. It now appears on the home page.'));
  document.getElementById('archive').addEventListener('click', (event) => transition(event.currentTarget, 'archive', undefined,
    () => 'Archived. It no longer appears to the public.'));
  document.getElementById('schedule-form').elements.publishAt.addEventListener('input', showPublishAtZone);
  document.getElementById('schedule-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const value = event.target.elements.publishAt.value;
    const when = value ? new Date(value) : null; // datetime-local is read in the browser's zone
    if (!when || Number.isNaN(when.getTime()) || when <= new Date()) {
      showError(null, { errors: [{ field: 'publishAt', message: 'Choose a date and time in the future.' }] }, { form: event.target });
      return;
    }
    clearErrors(event.target);
    transition(event.submitter || event.target.querySelector('[type=submit]'), 'publish', { publishAt: when.toISOString() },
      (data) => `Scheduled: it will be published ${formatDateTime(data.publishAt || when)}.`);
  });
  const deleteButton = document.getElementById('delete');
  const confirmBox = document.getElementById('delete-confirm');
  deleteButton.addEventListener('click', () => {
    confirmBox.hidden = false;
    deleteButton.setAttribute('aria-expanded', 'true');
    document.getElementById('delete-confirm-button').focus();
  });
  document.getElementById('delete-cancel').addEventListener('click', () => {
    confirmBox.hidden = true;
    deleteButton.setAttribute('aria-expanded', 'false');
    deleteButton.focus();
  });
  document.getElementById('delete-confirm-button').addEventListener('click', (event) => busy(event.currentTarget, async () => {
    try {
      await request(`/api/articles/${article.id}`, { method: 'DELETE' });
      markContentChanged();
      dirty = false;
      window.location.assign('/admin/articles.html?status=ARCHIVED&deleted=1');
    } catch (error) {
      showError(errorBox, error);
    }
  }, 'Deleting…'));
}

user = await initPage({ title: 'Edit article', roles: ['admin', 'therapist'] });
if (user) {
  wire();
  const [assessments, topics] = await Promise.all([get('/api/assessments').catch(() => []), get('/api/topics').catch(() => [])]);
  replace(form.elements['callToAction.assessmentId'], assessments.map((entry) => h('option', { value: entry.id }, entry.title)));
  replace(document.getElementById('topic-options'), topics.map((topic) => h('option', { value: topic.slug }, topic.name)));
  loadPreviewLibraries();
  const slug = param('slug');
  try {
    if (slug) {
      const { data, response } = await request(`/api/articles/${encodeURIComponent(slug)}`, { cache: 'no-store' });
      accept(data, response, null);
      focus(document.getElementById('page-heading'));
    } else {
      fill({ callToAction: { kind: 'NONE' } });
      renderState();
    }
  } catch (error) {
    showError(errorBox, error.status === 404 ? { readable: 'This article does not exist, or your account may not edit it.' } : error);
  } finally {
    form.setAttribute('aria-busy', 'false');
  }
}
