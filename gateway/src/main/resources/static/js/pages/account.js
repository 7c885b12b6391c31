/*
 * account.js — a client's own page: invitations to book (follow-ups after an assessment), their
 * consultations (upcoming and past, each linking to its page) and their assessment results.
 */
import { get } from '../api.js';
import { initPage } from '../session.js';
import { h, replace, showError, pager, formatDateTime, formatTime, formatDate, browserZone } from '../ui.js';

const errorBox = document.getElementById('account-error');
const therapistNames = new Map();
const assessmentTitles = new Map();

async function section(box, load) {
  box.setAttribute('aria-busy', 'true');
  try {
    await load();
  } catch (error) {
    replace(box, h('p', { class: 'alert alert-error', role: 'alert' }, error.readable || error.message));
  } finally {
    box.setAttribute('aria-busy', 'false');
  }
}

async function invitations() {
  const box = document.getElementById('invitations');
  await section(box, async () => {
    const page = await get('/api/follow-ups/mine', { size: 50 });
    const open = page.items.filter((item) => item.status === 'OPEN' || item.status === 'CLAIMED');
    if (!open.length) {
      replace(box, h('p', { class: 'muted' }, 'No open invitations. After a self-assessment that suggests talking to someone, an invitation to book appears here.'));
      return;
    }
    replace(box, h('ul', { class: 'plain-list' }, open.map((item) => h('li', { 'data-testid': 'invitation', 'data-follow-up-id': item.id },
      h('p', {}, h('strong', {}, `After your ${assessmentTitles.get(item.assessmentId) || item.assessmentId} on ${formatDate(item.createdAt)}`),
        ': the practice invites you to a free consultation.'),
      h('p', {}, h('a', { class: 'button', href: `/book.html?followUp=${encodeURIComponent(item.id)}`, 'data-testid': 'invitation-book' }, 'Book a free consultation'))))));
  });
}

async function bookings(pageNumber = 0) {
  const box = document.getElementById('bookings');
  await section(box, async () => {
    const page = await get('/api/bookings', { page: pageNumber, size: 10 });
    if (!page.items.length) {
      replace(box, h('p', { class: 'muted' }, 'You have no consultations yet. ', h('a', { href: '/book.html' }, 'Book a free consultation'), '.'));
      return;
    }
    const now = new Date();
    replace(box,
      h('p', { class: 'hint' }, `Times are shown in ${browserZone()}.`),
      h('ul', { class: 'plain-list' }, page.items.map((booking) => {
        const upcoming = new Date(booking.start) > now;
        const status = booking.status === 'CANCELLED' ? 'Cancelled' : (upcoming ? 'Upcoming' : 'Past');
        return h('li', { 'data-testid': 'booking-item', 'data-booking-id': booking.id, 'data-status': booking.status },
          h('a', { href: `/booking.html?id=${encodeURIComponent(booking.id)}`, 'data-testid': 'booking-link' },
            `${formatDateTime(booking.start)} – ${formatTime(booking.end)}`),
          therapistNames.get(booking.therapistId) ? ` with ${therapistNames.get(booking.therapistId)}` : '',
          ' ', h('span', { class: 'badge badge-status' }, status));
      })));
    document.getElementById('bookings-pager').replaceChildren(pager(page, bookings, 'Consultation pages') || '');
  });
}

async function results(pageNumber = 0) {
  const box = document.getElementById('results');
  await section(box, async () => {
    const page = await get('/api/submissions', { page: pageNumber, size: 10 });
    if (!page.items.length) {
      replace(box, h('p', { class: 'muted' }, 'No results yet. ', h('a', { href: '/assessments.html' }, 'Take a self-assessment'), '.'));
      return;
    }
    replace(box, h('ul', { class: 'plain-list' }, page.items.map((submission) => h('li', { 'data-testid': 'result-item', 'data-submission-id': submission.id },
      h('a', { href: `/result.html?id=${encodeURIComponent(submission.id)}`, 'data-testid': 'result-link' },
        assessmentTitles.get(submission.assessmentId) || submission.assessmentId),
      ` — ${formatDate(submission.submittedAt)} · score ${submission.totalScore}`,
      submission.band ? ` · ${submission.band.label}` : '',
      submission.riskFlags && submission.riskFlags.length ? [' ', h('span', { class: 'badge badge-urgent' }, 'Support suggested')] : null))));
    document.getElementById('results-pager').replaceChildren(pager(page, results, 'Result pages') || '');
  });
}

const user = await initPage({ title: 'My account', roles: ['client'] });
if (user) {
  try {
    const [therapists, assessments] = await Promise.all([
      get('/api/therapists').catch(() => []),
      get('/api/assessments').catch(() => []),
    ]);
    therapists.forEach((profile) => therapistNames.set(profile.id, profile.displayName));
    assessments.forEach((assessment) => assessmentTitles.set(assessment.id, assessment.title));
  } catch (error) {
    showError(errorBox, error);
  }
  await Promise.all([invitations(), bookings(), results()]);
}
