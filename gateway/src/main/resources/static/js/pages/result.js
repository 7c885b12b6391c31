/*
 * result.js — one assessment result (/result.html?id=<submission id>): crisis guidance FIRST when a
 * risk flag is raised, then the score, band and recommendation, and the path to book a free
 * consultation (carrying the follow-up that booking-service creates asynchronously, when it exists).
 */
import { get } from '../api.js';
import { initPage } from '../session.js';
import { h, replace, param, showError, formatDateTime, focus, setTitle } from '../ui.js';

const root = document.getElementById('result');
const errorBox = document.getElementById('result-error');

function crisis(submission) {
  return h('section', { class: 'crisis', role: 'alert', 'aria-labelledby': 'crisis-heading', 'data-testid': 'crisis-guidance' },
    h('h2', { id: 'crisis-heading' }, 'Please reach out for support now'),
    h('p', { class: 'emergency' },
      'If you are in immediate danger, or might act on thoughts of harming yourself, call your local emergency number now ',
      '(112 in Europe, 999 in the UK, 911 in the US) or go to the nearest emergency department.'),
    submission.recommendation && submission.recommendation.message
      ? h('p', { 'data-testid': 'crisis-message' }, submission.recommendation.message) : null,
    h('p', {}, 'You do not have to wait for an appointment, and you do not have to go through this alone. ',
      'Talking to someone you trust, or a crisis line, can help right now.'));
}

/**
 * Follow-ups are created asynchronously from the result (the event crosses Kafka to booking-service): look for
 * this one for about a minute, often at first and then less often, while the plain booking link already works.
 */
const FOLLOW_UP_RETRY_SECONDS = [1, 1, 2, 3, 5, 8, 10, 15, 15];

async function findFollowUp(submissionId) {
  for (let attempt = 0; ; attempt += 1) {
    try {
      const page = await get('/api/follow-ups/mine', { size: 50 });
      const match = page.items.find((item) => item.submissionId === submissionId);
      if (match) {
        // a follow-up already booked (or closed) cannot be booked with again: the plain booking link serves
        return (match.status === 'OPEN' || match.status === 'CLAIMED') ? match : null;
      }
    } catch {
      return null;
    }
    if (attempt >= FOLLOW_UP_RETRY_SECONDS.length) {
      return null;
    }
    await new Promise((resolve) => { window.setTimeout(resolve, FOLLOW_UP_RETRY_SECONDS[attempt] * 1000); });
  }
}

async function bookingPath(submission, container) {
  const kind = submission.recommendation && submission.recommendation.kind;
  const link = (followUp) => h('a', {
    class: 'button', 'data-testid': 'result-book',
    href: followUp ? `/book.html?followUp=${encodeURIComponent(followUp.id)}` : '/book.html',
  }, 'Book a free consultation');
  replace(container,
    h('h2', { id: 'next-heading' }, kind === 'SELF_GUIDED' ? 'If you would like to talk' : 'Your next step'),
    h('p', {}, kind === 'SELF_GUIDED'
      ? 'Your answers suggest self-guided support may be enough for now, but you are always welcome to talk to one of our therapists.'
      : 'A free, no-obligation consultation with one of our therapists is a good next step.'),
    h('p', {}, link(null)));
  if (kind && kind !== 'SELF_GUIDED') {
    const followUp = await findFollowUp(submission.id);
    if (followUp) {
      container.querySelector('[data-testid="result-book"]').replaceWith(link(followUp));
    }
  }
}

const user = await initPage({ title: 'Your result', roles: ['client', 'therapist', 'admin'] });
if (user) {
  try {
    const id = param('id');
    const submission = await get(`/api/submissions/${encodeURIComponent(id || '')}`);
    const assessment = await get(`/api/assessments/${encodeURIComponent(submission.assessmentId)}`).catch(() => null);
    const title = assessment ? assessment.title : submission.assessmentId;
    setTitle(`Result: ${title}`);
    const urgent = (submission.recommendation && submission.recommendation.kind === 'URGENT_SUPPORT')
      || (submission.riskFlags && submission.riskFlags.length > 0);
    const band = assessment && submission.band ? assessment.bands.find((entry) => entry.code === submission.band.code) : null;
    const max = band ? Math.max(...assessment.bands.map((entry) => entry.max)) : null;
    const next = h('section', { class: 'panel', 'aria-labelledby': 'next-heading', 'data-testid': 'result-next' });
    const heading = h('h1', { 'data-testid': 'result-title' }, `Your result: ${title}`);
    replace(root,
      urgent ? crisis(submission) : null,
      heading,
      h('p', { class: 'muted' }, 'Sent ', h('time', { datetime: submission.submittedAt }, formatDateTime(submission.submittedAt))),
      h('section', { class: 'panel', 'aria-labelledby': 'score-heading', 'data-testid': 'result-score' },
        h('h2', { id: 'score-heading' }, 'What your answers suggest'),
        h('p', { class: 'score' }, 'Score: ', h('strong', { 'data-testid': 'result-total' }, String(submission.totalScore)), max !== null ? ` out of ${max}` : ''),
        submission.band ? h('p', { class: 'score' }, 'Band: ', h('strong', { 'data-testid': 'result-band', 'data-band': submission.band.code }, submission.band.label)) : null,
        submission.band && submission.band.description ? h('p', {}, submission.band.description) : null,
        submission.subscales && submission.subscales.length
          ? h('dl', { class: 'facts' }, submission.subscales.map((scale) => [
            h('dt', {}, scale.label),
            h('dd', {}, String(scale.score), scale.maxScore !== undefined ? ` (range ${scale.minScore}–${scale.maxScore})` : '')]))
          : null,
        submission.recommendation && submission.recommendation.message && !urgent
          ? h('p', { 'data-testid': 'result-recommendation', 'data-kind': submission.recommendation.kind }, submission.recommendation.message)
          : null,
        h('p', { class: 'hint' }, 'A self-assessment is a starting point for a conversation, not a diagnosis.')),
      next,
      h('p', {}, user.roles.includes('client') ? h('a', { href: '/account.html' }, 'See all my results and bookings')
        : h('a', { href: '/therapist/follow-ups.html' }, '← Follow-ups')));
    focus(urgent ? root.querySelector('#crisis-heading') : heading);
    if (user.roles.includes('client')) {
      await bookingPath(submission, next);
    } else {
      next.remove();
    }
  } catch (error) {
    replace(root, h('h1', {}, 'Result'));
    showError(errorBox, error.status === 404 ? { readable: 'We could not find this result. It may belong to another account.' } : error);
  } finally {
    root.setAttribute('aria-busy', 'false');
  }
}
