/*
 * therapist-calendar.js — a therapist's week of bookings (/api/bookings?from=&to=, shown in the
 * browser's zone) with previous/next week, and the private calendar subscription link
 * (POST/DELETE /api/therapists/me/calendar-subscription; the link is shown once, when made).
 */
import { get, post, del } from '../api.js';
import { initPage } from '../session.js';
import {
  h, replace, showError, showMessage, focus, busy, announce, browserZone, zoneLabel, isoDate, startOfWeek, weekFromParam, addDays,
  formatTime,
} from '../ui.js';
import { weekLabel, weekGrid } from '../week.js';

const box = document.getElementById('calendar');
const errorBox = document.getElementById('calendar-error');
const heading = document.getElementById('week-heading');
let monday = weekFromParam();

/** Each load of a week; an answer that arrives after a later load began is dropped. */
let weekLoad = 0;

async function load(moveFocus = false) {
  const current = ++weekLoad;
  errorBox.hidden = true;
  const next = addDays(monday, 7);
  heading.textContent = `Week of ${weekLabel(monday)}`;
  document.getElementById('zone-note').textContent = `Times are shown in your browser's time zone: ${zoneLabel(browserZone(), monday)}.`;
  const url = new URL(window.location.href);
  url.searchParams.set('week', isoDate(monday));
  window.history.replaceState(null, '', url);
  box.setAttribute('aria-busy', 'true');
  try {
    const items = [];
    for (let page = 0; page < 10; page += 1) {
      const status = document.getElementById('show-cancelled').checked ? undefined : 'CONFIRMED';
      const answer = await get('/api/bookings', { from: monday.toISOString(), to: next.toISOString(), status, page, size: 100 });
      items.push(...answer.items);
      if (page >= answer.totalPages - 1) break;
    }
    if (current !== weekLoad) {
      return; // another week was asked for meanwhile
    }
    const byDay = new Map();
    for (const booking of items) {
      const day = isoDate(new Date(booking.start));
      if (!byDay.has(day)) byDay.set(day, []);
      byDay.get(day).push(booking);
    }
    replace(box, weekGrid(monday, (iso) => {
      const bookings = byDay.get(iso) || [];
      if (!bookings.length) {
        return h('p', { class: 'none' }, 'No consultations');
      }
      return h('ul', {}, bookings.map((booking) => h('li', {
        class: booking.status === 'CANCELLED' ? 'event cancelled' : 'event', 'data-testid': 'calendar-booking',
        'data-booking-id': booking.id, 'data-status': booking.status,
      },
      h('a', { href: `/booking.html?id=${encodeURIComponent(booking.id)}` }, `${formatTime(booking.start)}–${formatTime(booking.end)}`),
      h('br'), 'Free consultation',
      booking.status === 'CANCELLED' ? [h('br'), h('span', { class: 'badge badge-status' }, 'Cancelled')] : null,
      booking.note ? [h('br'), h('span', { class: 'muted' }, booking.note)] : null)));
    }));
    const confirmed = items.filter((booking) => booking.status === 'CONFIRMED').length;
    announce(`${confirmed} consultation${confirmed === 1 ? '' : 's'} in the week of ${weekLabel(monday)}.`);
    if (moveFocus) focus(heading);
  } catch (error) {
    if (current !== weekLoad) {
      return;
    }
    replace(box);
    showError(errorBox, error);
  } finally {
    if (current === weekLoad) {
      box.setAttribute('aria-busy', 'false');
    }
  }
}

function showLink(subscription) {
  const webcal = subscription.url.replace(/^https?:/, 'webcal:');
  const input = h('input', { type: 'text', id: 'subscription-url', readonly: true, value: subscription.url, 'data-testid': 'subscription-url' });
  replace(document.getElementById('subscription'),
    h('div', { class: 'field' },
      h('label', { for: 'subscription-url' }, 'Your private calendar link'),
      h('div', { class: 'copy-row' }, input,
        h('button', { type: 'button', class: 'button button-secondary', 'data-testid': 'subscription-copy', on: { click: async () => {
          try {
            await navigator.clipboard.writeText(subscription.url);
            announce('Link copied.');
          } catch {
            input.select();
            announce('Select the link and copy it.');
          }
        } } }, 'Copy')),
      h('p', { class: 'hint' }, 'Shown only now: copy it into your calendar app. ', h('a', { href: webcal }, 'Open in my calendar app'))));
  focus(input);
}

const user = await initPage({ title: 'My calendar', roles: ['therapist'] });
if (user) {
  document.getElementById('week-previous').addEventListener('click', () => { monday = addDays(monday, -7); load(); });
  document.getElementById('week-next').addEventListener('click', () => { monday = addDays(monday, 7); load(); });
  document.getElementById('week-today').addEventListener('click', () => { monday = startOfWeek(); load(true); });
  document.getElementById('show-cancelled').addEventListener('change', () => load());
  const message = document.getElementById('subscription-message');
  document.getElementById('subscription-create').addEventListener('click', (event) => busy(event.currentTarget, async () => {
    try {
      message.hidden = true;
      showLink(await post('/api/therapists/me/calendar-subscription'));
    } catch (error) {
      showError(message, error.status === 404
        ? { readable: 'Create your profile first (Profile page), then make a calendar link.' } : error);
    }
  }));
  document.getElementById('subscription-revoke').addEventListener('click', (event) => busy(event.currentTarget, async () => {
    try {
      await del('/api/therapists/me/calendar-subscription');
      replace(document.getElementById('subscription'));
      focus(showMessage(message, 'The private link is turned off; calendar apps using it will stop updating.'));
    } catch (error) {
      showError(message, error);
    }
  }));
  load();
}
