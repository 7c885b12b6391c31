/*
 * booking.js — one booking (/booking.html?id=...): when and with whom (in the browser's zone, named),
 * its status, an .ics file to add it to a calendar, and — while it is upcoming and confirmed —
 * reschedule (pick another slot) or cancel (after a confirmation step).
 */
import { get, post } from '../api.js';
import { initPage, hasRole } from '../session.js';
import {
  h, replace, param, showError, showMessage, focus, busy, browserZone, zoneLabel, formatDateTime, formatTime,
} from '../ui.js';
import { bookingIcs, icsUrl } from '../ics.js';

const root = document.getElementById('booking');
const errorBox = document.getElementById('booking-error');
const messageBox = document.getElementById('booking-message');
const zone = browserZone();
let user;
let booking;
let therapistName = '';

function render() {
  const upcoming = new Date(booking.start) > new Date();
  const active = booking.status === 'CONFIRMED' && upcoming;
  const canChange = active && (hasRole(user, 'client') || hasRole(user, 'therapist') || hasRole(user, 'admin'));
  const heading = h('h1', { 'data-testid': 'booking-title' }, 'Free consultation', therapistName ? ` with ${therapistName}` : '');
  const download = h('a', {
    class: 'button button-secondary', 'data-testid': 'booking-ics', download: `consultation-${booking.start.slice(0, 10)}.ics`,
    href: icsUrl(bookingIcs(booking, therapistName)),
  }, 'Add to my calendar (.ics)');
  replace(root,
    heading,
    h('dl', { class: 'facts panel', 'data-testid': 'booking-facts' },
      h('dt', {}, 'When'), h('dd', { 'data-testid': 'booking-when', 'data-start': booking.start }, `${formatDateTime(booking.start)} – ${formatTime(booking.end)}`),
      h('dt', {}, 'Time zone'), h('dd', {}, zoneLabel(zone, new Date(booking.start))),
      h('dt', {}, 'Status'), h('dd', { 'data-testid': 'booking-status', 'data-status': booking.status },
        booking.status === 'CONFIRMED' ? (upcoming ? 'Confirmed' : 'Took place') : 'Cancelled'),
      booking.note ? [h('dt', {}, 'Note'), h('dd', {}, booking.note)] : null,
      booking.cancelledAt ? [h('dt', {}, 'Cancelled'), h('dd', {}, formatDateTime(booking.cancelledAt), booking.cancelReason ? ` — ${booking.cancelReason}` : '')] : null),
    h('div', { class: 'button-row' },
      booking.status === 'CONFIRMED' ? download : null,
      canChange ? h('a', { class: 'button button-secondary', href: `/book.html?reschedule=${encodeURIComponent(booking.id)}`, 'data-testid': 'booking-reschedule' }, 'Move to another time') : null,
      canChange ? h('button', { type: 'button', class: 'button button-danger', 'data-testid': 'booking-cancel', 'aria-expanded': 'false', 'aria-controls': 'cancel-panel', on: { click: openCancel } }, 'Cancel consultation') : null),
    h('section', { id: 'cancel-panel', class: 'panel', hidden: true, 'aria-labelledby': 'cancel-heading' }),
    h('p', {}, backLink()));
  return heading;
}

/** Back to where the reader came from: a client's account, a therapist's calendar, an admin's follow-up queue. */
function backLink() {
  if (hasRole(user, 'client')) {
    return h('a', { href: '/account.html' }, '← My account');
  }
  return hasRole(user, 'therapist') ? h('a', { href: '/therapist/calendar.html' }, '← My calendar')
    : h('a', { href: '/therapist/follow-ups.html' }, '← Follow-ups');
}

function openCancel(event) {
  const panel = document.getElementById('cancel-panel');
  event.currentTarget.setAttribute('aria-expanded', 'true');
  const form = h('form', { novalidate: true, 'data-testid': 'cancel-form' },
    h('h2', { id: 'cancel-heading', tabindex: '-1' }, 'Cancel this consultation?'),
    h('p', {}, `Your consultation on ${formatDateTime(booking.start)} will be cancelled and the time offered to others.`),
    h('div', { class: 'field' },
      h('label', { for: 'cancel-reason' }, 'Reason ', h('span', { class: 'hint' }, '(optional, shared with the practice)')),
      h('textarea', { id: 'cancel-reason', name: 'reason', maxlength: '500', rows: '2', 'data-testid': 'cancel-reason' }),
      h('p', { class: 'field-error', 'data-error-for': 'reason', hidden: true })),
    h('div', { class: 'button-row' },
      h('button', { type: 'submit', class: 'button button-danger', 'data-testid': 'cancel-confirm' }, 'Yes, cancel it'),
      h('button', { type: 'button', class: 'button button-secondary', 'data-testid': 'cancel-keep', on: { click: () => {
        panel.hidden = true;
        const opener = root.querySelector('[data-testid="booking-cancel"]');
        opener.setAttribute('aria-expanded', 'false');
        opener.focus();
      } } }, 'No, keep it')));
  form.addEventListener('submit', async (submitEvent) => {
    submitEvent.preventDefault();
    await busy(form.querySelector('[data-testid="cancel-confirm"]'), async () => {
      try {
        const reason = form.querySelector('#cancel-reason').value.trim();
        booking = await post(`/api/bookings/${encodeURIComponent(booking.id)}/cancel`, reason ? { reason } : {});
        render();
        focus(showMessage(messageBox, 'Your consultation is cancelled.'));
      } catch (error) {
        showError(errorBox, error, { form });
      }
    }, 'Cancelling…');
  });
  replace(panel, form);
  panel.hidden = false;
  focus(document.getElementById('cancel-heading'));
}

user = await initPage({ title: 'Your consultation', roles: ['client', 'therapist', 'admin'] });
if (user) {
  try {
    booking = await get(`/api/bookings/${encodeURIComponent(param('id') || '')}`);
    const therapist = await get(`/api/therapists/${encodeURIComponent(booking.therapistId)}`).catch(() => null);
    therapistName = therapist ? therapist.displayName : '';
    const heading = render();
    const done = param('done');
    if (done === 'booked' || done === 'rescheduled') {
      focus(showMessage(messageBox, done === 'booked'
        ? 'Your free consultation is booked. We look forward to meeting you.'
        : 'Your consultation has been moved to the new time.'));
    } else {
      focus(heading);
    }
  } catch (error) {
    replace(root, h('h1', {}, 'Consultation'));
    showError(errorBox, error.status === 404 ? { readable: 'We could not find this booking. It may belong to another account.' } : error);
  } finally {
    root.setAttribute('aria-busy', 'false');
  }
}
