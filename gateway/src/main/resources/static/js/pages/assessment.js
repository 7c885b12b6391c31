/*
 * assessment.js — taking a self-assessment (/assessment.html?id=gad-7): a few questions per screen,
 * progress shown, answers kept in sessionStorage so a reload (or a detour through the login page)
 * loses nothing, a clearly worded consent to be contacted, then the submission and its result page.
 */
import { get, request } from '../api.js';
import { initPage, hasRole, loginLink, registerLink } from '../session.js';
import { h, replace, param, append, showError, clearErrors, focus, announce, busy, setTitle } from '../ui.js';

const ITEMS_PER_STEP = 3;
const root = document.getElementById('assessment');
const errorBox = document.getElementById('assessment-error');

let assessment;
let user;
let steps = [];
let saved = { answers: {}, step: 0, consent: false };

function storageKey() {
  return `mutuality.assessment.${assessment.id}.v${assessment.version}`;
}

function restore() {
  try {
    const raw = sessionStorage.getItem(storageKey());
    if (raw) {
      const parsed = JSON.parse(raw);
      saved = {
        answers: parsed.answers || {}, step: Number(parsed.step) || 0, consent: Boolean(parsed.consent), sent: parsed.sent,
      };
    }
  } catch {
    saved = { answers: {}, step: 0, consent: false };
  }
}

function persist() {
  try {
    sessionStorage.setItem(storageKey(), JSON.stringify(saved));
  } catch {
    // storage full or disabled: answers live only on this page
  }
}

function optionsOf(item) {
  return item.options && item.options.length ? item.options : assessment.answerScale || [];
}

function answeredCount() {
  return assessment.items.filter((item) => saved.answers[item.id] !== undefined).length;
}

/** The step index (0-based) holding an item. */
function stepOfItem(itemId) {
  return steps.findIndex((items) => items.some((item) => item.id === itemId));
}

function progress() {
  const total = assessment.items.length;
  const answered = answeredCount();
  const stepCount = steps.length + 1;
  return h('div', { class: 'progress-wrap', 'data-testid': 'assessment-progress' },
    h('p', { id: 'progress-label', class: 'muted' },
      `Step ${Math.min(saved.step + 1, stepCount)} of ${stepCount} · ${answered} of ${total} questions answered`),
    h('progress', { max: String(total), value: String(answered), 'aria-labelledby': 'progress-label' }));
}

function question(item, index) {
  const name = `item-${item.id}`;
  return h('fieldset', { class: 'question', 'data-testid': `question-${item.id}`, 'data-item-id': item.id },
    h('legend', {}, `${index + 1}. ${item.text}`),
    h('div', { class: 'options' }, optionsOf(item).map((option) => {
      const id = `${name}-${option.value}`;
      return h('label', { class: 'option', for: id },
        h('input', {
          type: 'radio', id, name, value: String(option.value),
          checked: saved.answers[item.id] === option.value, required: item.required !== false,
          'data-testid': `answer-${item.id}-${option.value}`,
          on: { change: () => { saved.answers[item.id] = option.value; persist(); updateProgress(); } },
        }),
        option.label);
    })),
    h('p', { class: 'field-error', 'data-error-for': `answers[${item.id}]`, hidden: true }));
}

function updateProgress() {
  const current = root.querySelector('.progress-wrap');
  if (current) {
    current.replaceWith(progress());
  }
}

function render({ moveFocus = true } = {}) {
  errorBox.hidden = true;
  const last = steps.length; // the final step: consent and submit
  saved.step = Math.max(0, Math.min(saved.step, last));
  const heading = h('h2', { id: 'step-heading', 'data-testid': 'step-heading' },
    saved.step < last ? `Questions ${steps.slice(0, saved.step).flat().length + 1}–${steps.slice(0, saved.step + 1).flat().length} of ${assessment.items.length}` : 'Before you send your answers');
  const form = h('form', { id: 'assessment-form', novalidate: true, 'aria-labelledby': 'step-heading' });
  if (saved.step < last) {
    const offset = steps.slice(0, saved.step).flat().length;
    append(form,
      saved.step === 0 && assessment.instructions ? h('p', { class: 'lead' }, assessment.instructions) : null,
      ...steps[saved.step].map((item, index) => question(item, offset + index)));
  } else {
    append(form,
      h('p', {}, `You have answered ${answeredCount()} of ${assessment.items.length} questions. You can go back to change any answer.`),
      h('div', { class: 'field' },
        h('label', { class: 'check', for: 'consent-to-contact' },
          h('input', {
            type: 'checkbox', id: 'consent-to-contact', name: 'consentToContact', checked: saved.consent,
            'data-testid': 'consent-to-contact', 'aria-describedby': 'consent-hint',
            on: { change: (event) => { saved.consent = event.target.checked; persist(); } },
          }),
          'Yes, a therapist from the practice may contact me about my result.'),
        h('p', { id: 'consent-hint', class: 'hint' },
          'Optional. If you tick this, a therapist may e-mail you to offer a free consultation. ',
          'If you leave it unticked, nobody will contact you; you can still book yourself. ',
          'Your answers are seen only by you and the practice\'s therapists.')),
      signInNote());
  }
  append(form, buttons(last));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (saved.step < last) {
      next(form);
    } else {
      submit(form, event.submitter);
    }
  });
  replace(root,
    h('h1', { id: 'assessment-title', 'data-testid': 'assessment-title' }, assessment.title),
    progress(),
    h('section', { class: 'panel', 'aria-labelledby': 'step-heading' }, heading, form),
    assessment.attribution && assessment.attribution.credit
      ? h('p', { class: 'attribution' }, assessment.attribution.credit) : null);
  if (moveFocus) {
    focus(heading);
  }
}

function signInNote() {
  if (user && hasRole(user, 'client')) {
    return null;
  }
  if (user) {
    return h('p', { class: 'alert alert-info' }, 'Only client accounts can send answers; your account can look at the questions.');
  }
  return h('div', { class: 'alert alert-info', 'data-testid': 'assessment-login-prompt' },
    h('p', {}, 'To see your result, log in or create a free account. Your answers so far are kept on this device until you come back.'),
    h('p', {}, loginLink('Log in', 'assessment-login'), ' · ', registerLink('Create an account', 'assessment-register')));
}

function buttons(last) {
  return h('div', { class: 'button-row' },
    saved.step > 0 ? h('button', {
      type: 'button', class: 'button button-secondary', 'data-testid': 'assessment-back',
      on: { click: () => { saved.step -= 1; persist(); render(); } },
    }, 'Back') : null,
    saved.step < last
      ? h('button', { type: 'submit', class: 'button', 'data-testid': 'assessment-next' }, saved.step === last - 1 ? 'Review' : 'Next')
      : h('button', { type: 'submit', class: 'button', 'data-testid': 'assessment-submit', disabled: !(user && hasRole(user, 'client')) }, 'See my result'));
}

function missingOn(stepIndex) {
  return steps[stepIndex].filter((item) => item.required !== false && saved.answers[item.id] === undefined);
}

function next(form) {
  const missing = missingOn(saved.step);
  if (missing.length) {
    showError(null, { errors: missing.map((item) => ({ field: `answers[${item.id}]`, message: 'Please choose an answer.' })) }, { form });
    announce(`${missing.length} question${missing.length === 1 ? '' : 's'} still need an answer.`);
    return;
  }
  clearErrors(form);
  saved.step += 1;
  persist();
  render();
}

async function submit(form, button) {
  const firstMissing = steps.findIndex((_, index) => missingOn(index).length > 0);
  if (firstMissing >= 0) {
    saved.step = firstMissing;
    render();
    next(root.querySelector('form'));
    return;
  }
  const body = {
    answers: assessment.items.filter((item) => saved.answers[item.id] !== undefined)
      .map((item) => ({ itemId: item.id, value: saved.answers[item.id] })),
    consentToContact: saved.consent,
  };
  // one Idempotency-Key per set of answers: sending the same answers again (a retry after an answer that was lost,
  // a reload) gets the first result back instead of making a second one; other answers get a new key
  const text = JSON.stringify(body);
  if (!saved.sent || saved.sent.body !== text) {
    saved.sent = { body: text, key: crypto.randomUUID() };
    persist();
  }
  await busy(button || form.querySelector('[type=submit]'), async () => {
    try {
      const { data: submission } = await request(`/api/assessments/${encodeURIComponent(assessment.id)}/submissions`,
        { method: 'POST', body, headers: { 'Idempotency-Key': saved.sent.key } });
      sessionStorage.removeItem(storageKey());
      window.location.assign(`/result.html?id=${encodeURIComponent(submission.id)}`);
    } catch (error) {
      const itemError = (error.errors || []).map((entry) => /^answers\[(.+)\]$/.exec(entry.field || '')).find(Boolean);
      if (itemError && stepOfItem(itemError[1]) >= 0) {
        saved.step = stepOfItem(itemError[1]);
        render({ moveFocus: false });
        showError(errorBox, error, { form: root.querySelector('form') });
      } else {
        showError(errorBox, error, { form });
      }
    }
  }, 'Sending…');
}

user = await initPage({ title: 'Self-assessment' });
if (user !== undefined) {
  const id = param('id');
  try {
    if (!id) {
      throw Object.assign(new Error('No assessment was chosen.'), { readable: 'No assessment was chosen.' });
    }
    assessment = await get(`/api/assessments/${encodeURIComponent(id)}`);
    setTitle(assessment.title);
    for (let index = 0; index < assessment.items.length; index += ITEMS_PER_STEP) {
      steps.push(assessment.items.slice(index, index + ITEMS_PER_STEP));
    }
    restore();
    render({ moveFocus: false });
  } catch (error) {
    replace(root, h('h1', {}, 'Self-assessment'), h('p', {}, h('a', { href: '/assessments.html' }, 'See all self-assessments')));
    showError(errorBox, error.status === 404 ? { readable: 'This assessment does not exist.' } : error);
  } finally {
    root.setAttribute('aria-busy', 'false');
  }
}
