/*
 * book.js — booking (and rescheduling) a free consultation:
 *   /book.html                       choose a therapist, a week of free slots, confirm
 *   /book.html?therapist=<id>        start at that therapist's slots
 *   /book.html?followUp=<id>         book from an invitation (the booking carries followUpId)
 *   /book.html?reschedule=<booking>  pick another slot with the same therapist for that booking
 * Slots are asked for and shown in the browser's time zone, which the page names. Confirming sends
 * an Idempotency-Key made when the slot is chosen, so a double click books once.
 */
import { get, post, request } from '../api.js';
import { initPage, hasRole, loginLink, registerLink } from '../session.js';
import {
  h, replace, param, showError, focus, announce, busy, browserZone, zoneLabel, isoDate, startOfWeek, weekFromParam,
  addDays, formatTime, formatDateTime,
} from '../ui.js';
import { weekLabel, weekGrid } from '../week.js';

const zone = browserZone();
const errorBox = document.getElementById('book-error');
const therapistsBox = document.getElementById('therapists');
const slotsSection = document.getElementById('slots-section');
const slotsBox = document.getElementById('slots');
const weekHeading = document.getElementById('week-heading');
const confirmSection = document.getElementById('confirm-section');
const confirmBox = document.getElementById('confirm');
const previousButton = document.getElementById('week-previous');
const nextButton = document.getElementById('week-next');

let user;
let therapists = [];
let therapist = null;
let monday = weekFromParam();
let chosen = null; // {start, end, key}
let rescheduling = null; // the booking being moved
let followUpId = param('followUp');

function therapistCard(profile) {
  return h('li', { class: 'card', 'data-testid': 'therapist-card', 'data-therapist-id': profile.id },
    h('h3', {}, profile.displayName),
    h('p', { class: 'meta' }, `${profile.consultationMinutes}-minute free consultation`,
      profile.languages && profile.languages.length ? ` · ${profile.languages.join(', ')}` : ''),
    profile.bio ? h('p', {}, profile.bio) : null,
    profile.specialties && profile.specialties.length
      ? h('ul', { class: 'tags', 'aria-label': 'Specialties' }, profile.specialties.map((item) => h('li', { class: 'tag' }, item)))
      : null,
    h('p', { class: 'actions' }, h('button', {
      type: 'button', class: 'button', 'data-testid': 'choose-therapist', 'data-therapist-id': profile.id,
      'aria-label': `See free times with ${profile.displayName}`,
      on: { click: () => chooseTherapist(profile, true) },
    }, 'See free times')));
}

function chooseTherapist(profile, moveFocus) {
  therapist = profile;
  chosen = null;
  confirmSection.hidden = true;
  for (const card of therapistsBox.querySelectorAll('[data-testid="therapist-card"]')) {
    const selected = card.dataset.therapistId === profile.id;
    card.classList.toggle('selected', selected);
    const button = card.querySelector('[data-testid="choose-therapist"]');
    button.setAttribute('aria-pressed', String(selected));
    button.textContent = selected ? 'Showing free times ✓' : 'See free times';
  }
  const url = new URL(window.location.href);
  url.searchParams.set('therapist', profile.id);
  if (moveFocus) {
    url.searchParams.delete('start'); // a new choice of therapist starts without a chosen time
  }
  window.history.replaceState(null, '', url);
  slotsSection.hidden = false;
  document.getElementById('slots-heading').textContent = rescheduling
    ? `Choose a new time with ${profile.displayName}` : `2. Choose a time with ${profile.displayName}`;
  loadSlots(moveFocus);
}

/** Each load of a week's slots; an answer that arrives after a later load began is dropped. */
let slotsLoad = 0;

async function loadSlots(moveFocus = false) {
  const load = ++slotsLoad;
  errorBox.hidden = true;
  const sunday = addDays(monday, 6);
  weekHeading.textContent = `Week of ${weekLabel(monday)}`;
  document.getElementById('zone-note').textContent = `Times are shown in your time zone: ${zoneLabel(zone, monday)}.`;
  // nothing can be booked before this week
  previousButton.disabled = monday <= startOfWeek();
  slotsBox.setAttribute('aria-busy', 'true');
  replace(slotsBox, h('p', { class: 'loading', role: 'status' }, 'Loading free times…'));
  try {
    const answer = await get(`/api/therapists/${encodeURIComponent(therapist.id)}/slots`,
      { from: isoDate(monday), to: isoDate(sunday), timeZone: zone });
    if (load !== slotsLoad) {
      return; // another week was asked for meanwhile (two quick clicks on "Next week")
    }
    const byDay = new Map();
    for (const slot of answer.slots) {
      const day = isoDate(new Date(slot.start));
      if (!byDay.has(day)) byDay.set(day, []);
      byDay.get(day).push(slot);
    }
    replace(slotsBox, weekGrid(monday, (iso) => {
      const slots = byDay.get(iso) || [];
      if (!slots.length) {
        return h('p', { class: 'none' }, 'No free times');
      }
      return h('ul', {}, slots.map((slot) => h('li', {}, h('button', {
        type: 'button', class: 'button button-secondary slot-button', 'data-testid': 'slot', 'data-start': slot.start,
        'aria-pressed': chosen && chosen.start === slot.start ? 'true' : 'false',
        'aria-label': `${formatDateTime(slot.start)} to ${formatTime(slot.end)}`,
        on: { click: (event) => chooseSlot(slot, event.currentTarget) },
      }, formatTime(slot.start)))));
    }));
    announce(answer.slots.length
      ? `${answer.slots.length} free times in the week of ${weekLabel(monday)}.`
      : `No free times in the week of ${weekLabel(monday)}. Try the next week.`);
    if (!answer.slots.length) {
      slotsBox.prepend(h('p', { class: 'alert alert-info', 'data-testid': 'no-slots' }, 'There are no free times this week. Please try the next week.'));
    }
    const wanted = new URLSearchParams(window.location.search).get('start');
    const again = wanted && !chosen ? slotsBox.querySelector(`[data-start="${CSS.escape(wanted)}"]`) : null;
    if (again) {
      chooseSlot(answer.slots.find((slot) => slot.start === wanted), again);
    } else if (moveFocus) {
      focus(document.getElementById('slots-heading'));
    }
  } catch (error) {
    if (load !== slotsLoad) {
      return;
    }
    replace(slotsBox);
    showError(errorBox, error);
  } finally {
    if (load === slotsLoad) {
      slotsBox.setAttribute('aria-busy', 'false');
    }
  }
}

function chooseSlot(slot, button) {
  chosen = { ...slot, key: crypto.randomUUID() };
  // kept in the address, so logging in (which comes back here) keeps the chosen time
  const url = new URL(window.location.href);
  url.searchParams.set('week', isoDate(monday));
  url.searchParams.set('start', slot.start);
  window.history.replaceState(null, '', url);
  for (const other of slotsBox.querySelectorAll('[data-testid="slot"]')) {
    other.setAttribute('aria-pressed', other === button ? 'true' : 'false');
  }
  renderConfirm();
  confirmSection.hidden = false;
  focus(document.getElementById('confirm-heading'));
}

function renderConfirm() {
  const when = `${formatDateTime(chosen.start)} – ${formatTime(chosen.end)}`;
  const summary = h('dl', { class: 'facts', 'data-testid': 'booking-summary' },
    h('dt', {}, 'Therapist'), h('dd', {}, therapist.displayName),
    h('dt', {}, rescheduling ? 'New time' : 'Time'), h('dd', { 'data-testid': 'summary-time' }, when),
    h('dt', {}, 'Time zone'), h('dd', {}, zoneLabel(zone, new Date(chosen.start))),
    rescheduling ? [h('dt', {}, 'Currently'), h('dd', {}, formatDateTime(rescheduling.start))] : null);
  const mayConfirm = user && (hasRole(user, 'client') || (rescheduling && (hasRole(user, 'therapist') || hasRole(user, 'admin'))));
  if (!mayConfirm) {
    replace(confirmBox, summary, user
      ? h('p', { class: 'alert alert-info' }, 'Only client accounts can book a consultation.')
      : h('div', { class: 'alert alert-info', 'data-testid': 'book-login-prompt' },
        h('p', {}, 'Please log in or create a free account to book. You will come back to this page.'),
        h('p', {}, loginLink('Log in', 'book-login'), ' · ', registerLink('Create an account', 'book-register'))));
    return;
  }
  const form = h('form', { novalidate: true, 'data-testid': 'confirm-form' },
    summary,
    rescheduling ? null : h('div', { class: 'field' },
      h('label', { for: 'booking-note' }, 'Anything you would like the therapist to know? ', h('span', { class: 'hint' }, '(optional)')),
      h('textarea', { id: 'booking-note', name: 'note', maxlength: '1000', rows: '3', 'data-testid': 'booking-note' }),
      h('p', { class: 'field-error', 'data-error-for': 'note', hidden: true })),
    followUpId && !rescheduling ? h('p', { class: 'hint' }, 'This booking answers the practice\'s invitation after your self-assessment.') : null,
    h('div', { class: 'button-row' },
      h('button', { type: 'submit', class: 'button', 'data-testid': 'confirm-booking' }, rescheduling ? 'Move my consultation' : 'Book this time'),
      h('button', { type: 'button', class: 'button button-secondary', 'data-testid': 'choose-another',
        on: { click: () => { confirmSection.hidden = true; focus(document.getElementById('slots-heading')); } } }, 'Choose another time')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    confirm(form, form.querySelector('[data-testid="confirm-booking"]'));
  });
  replace(confirmBox, form);
}

async function confirm(form, button) {
  await busy(button, async () => {
    try {
      let booking;
      if (rescheduling) {
        booking = await post(`/api/bookings/${encodeURIComponent(rescheduling.id)}/reschedule`, { start: chosen.start });
        window.location.assign(`/booking.html?id=${encodeURIComponent(booking.id)}&done=rescheduled`);
      } else {
        const note = form.querySelector('#booking-note').value.trim();
        const body = { therapistId: therapist.id, start: chosen.start, timeZone: zone };
        if (note) body.note = note;
        if (followUpId) body.followUpId = followUpId;
        ({ data: booking } = await request('/api/bookings', { method: 'POST', body, headers: { 'Idempotency-Key': chosen.key } }));
        window.location.assign(`/booking.html?id=${encodeURIComponent(booking.id)}&done=booked`);
      }
    } catch (error) {
      const code = (error.type || '').split('/').pop();
      if (error.status === 409 && code === 'slot-unavailable') {
        confirmSection.hidden = true;
        await loadSlots();
        showError(errorBox, { readable: 'Sorry, that time was just taken or is no longer free. Please choose another time.' });
        return;
      }
      if (error.status === 409 && code === 'follow-up-unavailable') {
        // the invitation was booked with before, or closed: the time can still be booked, unlinked from it
        followUpId = null;
        showError(errorBox, { readable: 'This invitation has already been used for a booking or has been closed, so this booking will not be linked to it. Choose the button again to book this time.' });
        return;
      }
      if (error.status === 409 && code === 'consultation-limit') {
        showError(errorBox, { readable: 'You already have an upcoming free consultation. You can move or cancel it from My account.' });
        return;
      }
      showError(errorBox, error, { form });
    }
  }, rescheduling ? 'Moving…' : 'Booking…');
}

previousButton.addEventListener('click', () => { monday = addDays(monday, -7); loadSlots(); });
nextButton.addEventListener('click', () => { monday = addDays(monday, 7); loadSlots(); });

user = await initPage({ title: 'Book a free consultation' });
if (user !== undefined) {
  try {
    const rescheduleId = param('reschedule');
    if (rescheduleId) {
      rescheduling = await get(`/api/bookings/${encodeURIComponent(rescheduleId)}`);
      document.getElementById('page-heading').textContent = 'Move your consultation';
      document.getElementById('book-intro').textContent = `Your consultation is on ${formatDateTime(rescheduling.start)} (${zone}). Choose a new time below; the old one is kept until the move succeeds.`;
      monday = startOfWeek(new Date(rescheduling.start) > new Date() ? new Date(rescheduling.start) : new Date());
    }
    therapists = await get('/api/therapists');
    const wanted = rescheduling ? rescheduling.therapistId : param('therapist');
    const preselected = therapists.find((profile) => profile.id === wanted);
    if (rescheduling) {
      document.getElementById('therapists-section').hidden = true;
    } else if (!therapists.length) {
      replace(therapistsBox, h('p', {}, 'No therapists are taking bookings at the moment.'));
    } else {
      replace(therapistsBox, h('ul', { class: 'cards' }, therapists.map(therapistCard)));
    }
    if (preselected) {
      chooseTherapist(preselected, false);
    } else if (rescheduling) {
      throw Object.assign(new Error(), { readable: 'The therapist of this booking is no longer taking bookings.' });
    }
  } catch (error) {
    replace(therapistsBox);
    showError(errorBox, error);
  } finally {
    therapistsBox.setAttribute('aria-busy', 'false');
  }
}
