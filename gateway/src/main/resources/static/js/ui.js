/*
 * ui.js — small DOM and formatting helpers shared by every page: building elements safely (text,
 * never HTML strings), query parameters, dates and times in the browser's zone with the zone named,
 * problem messages shown next to what caused them, the polite status region, moving focus.
 */

/**
 * Creates an element. attrs: plain attributes, plus `class`, `text`, `dataset` (object) and `on`
 * (object of event listeners). Children: nodes, strings (as text) or arrays; null/false skipped.
 */
export function h(tag, attrs = {}, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (key === 'class') {
      element.className = value;
    } else if (key === 'text') {
      element.textContent = value;
    } else if (key === 'dataset') {
      Object.assign(element.dataset, value);
    } else if (key === 'on') {
      for (const [event, listener] of Object.entries(value)) {
        element.addEventListener(event, listener);
      }
    } else if (value === true) {
      element.setAttribute(key, '');
    } else {
      element.setAttribute(key, String(value));
    }
  }
  appendAll(element, children);
  return element;
}

/** Appends children like h() does (strings as text; null, undefined and false skipped). */
export function append(parent, ...children) {
  appendAll(parent, children);
  return parent;
}

function appendAll(parent, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    if (Array.isArray(child)) {
      appendAll(parent, child);
    } else if (child instanceof Node) {
      parent.append(child);
    } else {
      parent.append(document.createTextNode(String(child)));
    }
  }
}

/** Replaces an element's children. */
export function replace(element, ...children) {
  element.replaceChildren();
  appendAll(element, children);
  return element;
}

/** A query parameter of the current page, or null. */
export function param(name) {
  return new URLSearchParams(window.location.search).get(name);
}

/** The browser's IANA time zone. */
export function browserZone() {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** "Europe/London (GMT+1)" — the zone with its current offset, for labels. */
export function zoneLabel(zone = browserZone(), at = new Date()) {
  try {
    const parts = new Intl.DateTimeFormat('en-GB', { timeZone: zone, timeZoneName: 'shortOffset' })
      .formatToParts(at);
    const offset = parts.find((part) => part.type === 'timeZoneName');
    return offset ? `${zone} (${offset.value})` : zone;
  } catch {
    return zone;
  }
}

const locale = undefined; // the browser's own

export function formatDate(value, options = {}) {
  if (!value) {
    return '';
  }
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', ...options }).format(new Date(value));
}

export function formatDateTime(value, options = {}) {
  if (!value) {
    return '';
  }
  return new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short', ...options })
    .format(new Date(value));
}

export function formatTime(value, options = {}) {
  return new Intl.DateTimeFormat(locale, { timeStyle: 'short', ...options }).format(new Date(value));
}

/** A date-time followed by the zone it is shown in. */
export function formatDateTimeWithZone(value) {
  return `${formatDateTime(value)} (${browserZone()})`;
}

/** YYYY-MM-DD of a Date in the browser's zone. */
export function isoDate(date) {
  const y = date.getFullYear();
  const m = String(date.getMonth() + 1).padStart(2, '0');
  const d = String(date.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** Monday 00:00 (browser zone) of the week holding the date. */
export function startOfWeek(date = new Date()) {
  const start = new Date(date.getFullYear(), date.getMonth(), date.getDate());
  const day = (start.getDay() + 6) % 7; // Monday = 0
  start.setDate(start.getDate() - day);
  return start;
}

/** The Monday of the week a `?week=YYYY-MM-DD` names, or of this week when it names none or no real date. */
export function weekFromParam() {
  const value = param('week') || '';
  const day = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00`) : null;
  return day && !Number.isNaN(day.getTime()) ? startOfWeek(day) : startOfWeek();
}

export function addDays(date, days) {
  const result = new Date(date.getFullYear(), date.getMonth(), date.getDate());
  result.setDate(result.getDate() + days);
  return result;
}

/** The polite live region of the page (created on demand) for async status messages. */
export function announce(message) {
  let region = document.getElementById('status-region');
  if (!region) {
    region = h('div', { id: 'status-region', class: 'visually-hidden', role: 'status', 'aria-live': 'polite' });
    document.body.append(region);
  }
  region.textContent = '';
  window.setTimeout(() => {
    region.textContent = message;
  }, 50);
}

/** Moves focus to an element (a heading or message), making it focusable if it is not. */
export function focus(element) {
  if (!element) {
    return;
  }
  if (!element.hasAttribute('tabindex') && !/^(A|BUTTON|INPUT|SELECT|TEXTAREA)$/.test(element.tagName)) {
    element.setAttribute('tabindex', '-1');
  }
  element.focus({ preventScroll: false });
}

/**
 * Shows an error. `target` is the message container (an element with role=alert is created inside
 * if needed). When a form is given, each `errors[]` entry is shown next to its field: an element
 * with `data-error-for="<field>"` (or the control named <field>) gets the message and the control
 * aria-invalid. Focus moves to the first invalid field, or to the message.
 */
export function showError(target, error, { form = null, focusMessage = true } = {}) {
  clearErrors(form);
  const message = error && error.readable ? error.readable : (error && error.message) || 'Something went wrong.';
  const unplaced = [];
  let firstInvalid = null;
  for (const fieldError of (error && error.errors) || []) {
    const placed = form ? placeFieldError(form, fieldError.field, fieldError.message) : null;
    if (placed) {
      firstInvalid = firstInvalid || placed;
    } else {
      unplaced.push(fieldError);
    }
  }
  if (target) {
    const box = h('div', { class: 'alert alert-error', role: 'alert', 'data-testid': 'error-message' },
      h('p', { class: 'alert-title' }, message),
      error && error.status === 400 && error.detail && error.detail !== message ? h('p', {}, error.detail) : null,
      unplaced.length
        ? h('ul', {}, unplaced.map((entry) => h('li', {}, entry.field ? `${entry.field}: ${entry.message}` : entry.message)))
        : null,
      error && error.status === 401 ? h('p', {}, h('a', { href: `/login?returnTo=${encodeURIComponent(window.location.pathname + window.location.search)}`, class: 'login-link', 'data-testid': 'error-login' }, 'Log in')) : null,
      error && error.status === 412 ? h('p', {}, h('a', { href: window.location.href }, 'Reload this page')) : null);
    replace(target, box);
    target.hidden = false;
    if (firstInvalid) {
      firstInvalid.focus();
    } else if (focusMessage) {
      focus(box);
    }
  } else if (firstInvalid) {
    firstInvalid.focus();
  }
}

/** "overrides[0].intervals[1].end" -> itself, "overrides[0].intervals[1]", "overrides[0].intervals", ... "overrides". */
function fieldPaths(field) {
  const paths = [field];
  let current = field;
  while (/[.[]/.test(current)) {
    current = current.replace(/(\.[^.[\]]+|\[\d+\])$/, '');
    if (!current || paths.includes(current)) break;
    paths.push(current);
  }
  return paths;
}

function placeFieldError(form, field, message) {
  if (!field) {
    return null;
  }
  let slot = null;
  let control = null;
  for (const path of fieldPaths(field)) {
    slot = slot || form.querySelector(`[data-error-for="${CSS.escape(path)}"]`);
    control = control || form.querySelector(`[name="${CSS.escape(path)}"]`);
  }
  if (!slot && !control) {
    return null;
  }
  let holder = slot;
  if (!holder) {
    holder = h('p', { class: 'field-error', 'data-error-for': field });
    control.insertAdjacentElement('afterend', holder);
  }
  holder.textContent = holder.textContent ? `${holder.textContent} ${message}` : message;
  holder.hidden = false;
  holder.classList.add('field-error');
  if (!holder.id) {
    holder.id = `error-${field.replace(/[^a-zA-Z0-9_-]/g, '-')}`;
  }
  const focusable = control || holder.closest('fieldset, .row, .field')?.querySelector('input, select, textarea');
  if (focusable) {
    focusable.setAttribute('aria-invalid', 'true');
    const described = (focusable.getAttribute('aria-describedby') || '').split(' ').filter(Boolean);
    if (!described.includes(holder.id)) {
      described.push(holder.id);
      focusable.setAttribute('aria-describedby', described.join(' '));
    }
  }
  return focusable || holder;
}

/** Removes the field messages and aria-invalid marks a previous showError left in a form. */
export function clearErrors(form) {
  if (!form) {
    return;
  }
  for (const holder of form.querySelectorAll('[data-error-for]')) {
    holder.textContent = '';
    holder.hidden = true;
  }
  for (const control of form.querySelectorAll('[aria-invalid]')) {
    control.removeAttribute('aria-invalid');
  }
}

/** A success/info message in a container, announced to screen readers. */
export function showMessage(target, message, kind = 'success') {
  const box = h('div', { class: `alert alert-${kind}`, role: 'status', 'data-testid': `${kind}-message` }, message);
  replace(target, box);
  target.hidden = false;
  return box;
}

/** Disables a button while an async action runs, so a double click sends it once. */
export async function busy(button, action, busyText) {
  if (button.disabled) {
    return undefined;
  }
  const original = button.textContent;
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  if (busyText) {
    button.textContent = busyText;
  }
  try {
    return await action();
  } finally {
    button.disabled = false;
    button.removeAttribute('aria-busy');
    button.textContent = original;
  }
}

/** Sets the document title as "<page> — Mutuality". */
export function setTitle(title) {
  document.title = title ? `${title} — Mutuality` : 'Mutuality';
}

/** A loading placeholder paragraph. */
export function loading(text = 'Loading…') {
  return h('p', { class: 'loading', role: 'status' }, text);
}

/** Friendly label for an enum-like code: "URGENT_SUPPORT" -> "Urgent support". */
export function humanize(code) {
  if (!code) {
    return '';
  }
  const text = String(code).replace(/[_-]+/g, ' ').toLowerCase();
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Pagination controls for the API's page shape; onPage(n) is called with the page to show. */
export function pager(page, onPage, label = 'Pages') {
  if (!page || page.totalPages <= 1) {
    return null;
  }
  const current = page.page;
  return h('nav', { class: 'pager', 'aria-label': label, 'data-testid': 'pager' },
    h('button', {
      type: 'button', class: 'button button-secondary', 'data-testid': 'pager-previous',
      disabled: current <= 0, on: { click: () => onPage(current - 1) },
    }, 'Previous'),
    h('span', { class: 'pager-position' }, `Page ${current + 1} of ${page.totalPages}`),
    h('button', {
      type: 'button', class: 'button button-secondary', 'data-testid': 'pager-next',
      disabled: current >= page.totalPages - 1, on: { click: () => onPage(current + 1) },
    }, 'Next'));
}
