/*
 * follow-ups.js — the follow-up queue for therapists and admins (/api/follow-ups?status=, URGENT
 * first, then oldest): claim an unclaimed one, open or booked (therapists), close one with an
 * outcome (the therapist who holds it, or an admin). Urgency is shown in words as well as colour.
 */
import { get, post } from '../api.js';
import { initPage, hasRole } from '../session.js';
import { h, replace, param, showError, showMessage, focus, busy, pager, formatDateTime, humanize, announce } from '../ui.js';

const STATUSES = [['OPEN', 'Open'], ['CLAIMED', 'Claimed'], ['BOOKED', 'Booked'], ['CLOSED', 'Closed'], ['', 'All']];
const list = document.getElementById('follow-ups');
const errorBox = document.getElementById('follow-ups-error');
const messageBox = document.getElementById('follow-ups-message');
const assessmentTitles = new Map();
let user;
let status = param('status') ?? 'OPEN';
let pageNumber = 0;

function renderTabs() {
  replace(document.getElementById('status-tabs'), STATUSES.map(([value, label]) => h('li', {},
    h('a', {
      href: `?status=${value}`, 'aria-current': value === status ? 'page' : null, 'data-testid': `tab-${value || 'ALL'}`,
      on: { click: (event) => {
        event.preventDefault();
        status = value;
        pageNumber = 0;
        window.history.replaceState(null, '', `?status=${value}`);
        renderTabs();
        load();
      } },
    }, label))));
}

function item(followUp) {
  const mine = followUp.claimedBy === user.id;
  const urgent = followUp.priority === 'URGENT';
  const actions = h('div', { class: 'button-row' });
  // as booking-service allows: anyone's unclaimed follow-up (open, or booked by its client) can be claimed, and an
  // unclosed one closed by the therapist who holds it or by an admin
  if (followUp.status !== 'CLOSED' && !followUp.claimedBy && hasRole(user, 'therapist')) {
    actions.append(h('button', { type: 'button', class: 'button', 'data-testid': 'follow-up-claim', 'aria-label': `Claim the follow-up for ${followUp.clientName || 'this client'}`,
      on: { click: (event) => claim(followUp, event.currentTarget) } }, 'Claim'));
  }
  if (followUp.status !== 'CLOSED' && (mine || hasRole(user, 'admin'))) {
    actions.append(h('button', { type: 'button', class: 'button button-secondary', 'data-testid': 'follow-up-close', 'aria-expanded': 'false',
      on: { click: (event) => openClose(followUp, event.currentTarget) } }, 'Close with an outcome'));
  }
  return h('li', { class: 'card', 'data-testid': 'follow-up', 'data-follow-up-id': followUp.id, 'data-priority': followUp.priority, 'data-status': followUp.status, 'data-submission-id': followUp.submissionId },
    h('h2', {},
      h('span', { class: urgent ? 'badge badge-urgent' : 'badge badge-routine' }, urgent ? 'Urgent' : 'Routine'), ' ',
      followUp.clientName || 'Client'),
    h('dl', { class: 'facts' },
      h('dt', {}, 'Assessment'), h('dd', {}, assessmentTitles.get(followUp.assessmentId) || followUp.assessmentId),
      h('dt', {}, 'Score'), h('dd', {}, `${followUp.totalScore ?? '–'}${followUp.bandCode ? ` (${humanize(followUp.bandCode)})` : ''}`),
      followUp.riskFlags && followUp.riskFlags.length
        ? [h('dt', {}, 'Risk flags'), h('dd', { class: 'alert-title' }, followUp.riskFlags.map(humanize).join(', '))] : null,
      h('dt', {}, 'Contact'), h('dd', { 'data-testid': 'follow-up-consent' }, followUp.consentToContact
        ? 'Agreed to be contacted about the result'
        : h('strong', {}, 'Did not agree to be contacted: do not reach out (they can still book)')),
      h('dt', {}, 'Received'), h('dd', {}, formatDateTime(followUp.createdAt)),
      h('dt', {}, 'Status'), h('dd', { 'data-testid': 'follow-up-status' }, humanize(followUp.status),
        followUp.claimedBy ? (mine ? ' by you' : ' by another therapist') : ''),
      followUp.bookingId ? [h('dt', {}, 'Booking'), h('dd', {}, h('a', { href: `/booking.html?id=${encodeURIComponent(followUp.bookingId)}` }, 'See the consultation'))] : null,
      followUp.outcome ? [h('dt', {}, 'Outcome'), h('dd', {}, followUp.outcome)] : null),
    actions,
    h('div', { class: 'close-panel', hidden: true }));
}

/** Hides the last action's message, so what shows next is about the action now running. */
function clearMessages() {
  replace(messageBox);
  messageBox.hidden = true;
  replace(errorBox);
  errorBox.hidden = true;
}

async function claim(followUp, button) {
  clearMessages();
  await busy(button, async () => {
    try {
      await post(`/api/follow-ups/${encodeURIComponent(followUp.id)}/claim`);
      await load();
      focus(showMessage(messageBox, `You claimed the follow-up for ${followUp.clientName || 'the client'}. It is now under “Claimed”.`));
    } catch (error) {
      if (error.status === 409) {
        const closed = String(error.type || '').endsWith('/follow-up-closed');
        showError(errorBox, { readable: closed ? 'This follow-up has been closed meanwhile.'
          : 'Another therapist has already claimed this follow-up.' });
        await load();
      } else {
        showError(errorBox, error);
      }
    }
  }, 'Claiming…');
}

function openClose(followUp, opener) {
  clearMessages();
  const card = opener.closest('[data-testid="follow-up"]');
  const panel = card.querySelector('.close-panel');
  const id = `outcome-${followUp.id}`;
  opener.setAttribute('aria-expanded', 'true');
  const form = h('form', { novalidate: true, 'data-testid': 'close-form' },
    h('div', { class: 'field' },
      h('label', { for: id }, 'Outcome'),
      h('textarea', { id, name: 'outcome', rows: '3', maxlength: '2000', required: true, 'data-testid': 'follow-up-outcome' }),
      h('p', { class: 'hint' }, 'For example: “Called, booked a consultation” or “Referred to GP”.')),
    h('div', { class: 'button-row' },
      h('button', { type: 'submit', class: 'button', 'data-testid': 'follow-up-close-confirm' }, 'Close follow-up'),
      h('button', { type: 'button', class: 'button button-secondary', on: { click: () => {
        panel.hidden = true;
        opener.setAttribute('aria-expanded', 'false');
        opener.focus();
      } } }, 'Cancel')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const outcome = form.elements.outcome.value.trim();
    if (!outcome) {
      showError(null, { errors: [{ field: 'outcome', message: 'Please describe the outcome.' }] }, { form });
      return;
    }
    await busy(form.querySelector('[type=submit]'), async () => {
      try {
        await post(`/api/follow-ups/${encodeURIComponent(followUp.id)}/close`, { outcome });
        await load();
        focus(showMessage(messageBox, 'The follow-up is closed.'));
      } catch (error) {
        showError(errorBox, error, { form });
      }
    }, 'Closing…');
  });
  replace(panel, form);
  panel.hidden = false;
  form.elements.outcome.focus();
}

async function load() {
  list.setAttribute('aria-busy', 'true');
  try {
    const page = await get('/api/follow-ups', { status, page: pageNumber, size: 20 });
    replace(list, page.items.length
      ? h('ul', { class: 'cards single' }, page.items.map(item))
      : h('p', { 'data-testid': 'no-follow-ups' }, 'Nothing here right now.'));
    document.getElementById('follow-ups-pager').replaceChildren(pager(page, (next) => { pageNumber = next; load(); }) || '');
    const urgent = page.items.filter((entry) => entry.priority === 'URGENT').length;
    announce(`${page.totalItems} follow-up${page.totalItems === 1 ? '' : 's'}${urgent ? `, ${urgent} urgent on this page` : ''}.`);
  } catch (error) {
    replace(list);
    showError(errorBox, error);
  } finally {
    list.setAttribute('aria-busy', 'false');
  }
}

user = await initPage({ title: 'Follow-ups', roles: ['therapist', 'admin'] });
if (user) {
  renderTabs();
  (await get('/api/assessments').catch(() => [])).forEach((entry) => assessmentTitles.set(entry.id, entry.title));
  await load();
}
