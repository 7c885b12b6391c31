/*
 * therapist-availability.js — the availability editor (GET/PUT /api/therapists/me/availability):
 * weekly hours per day (several intervals a day), dated overrides (no intervals = a day off, or
 * special hours), and the zone the hours are in. Inputs are named like the API's fields
 * (weekly[2].start, overrides[0].intervals[1].end) so validation errors land next to them.
 */
import { get, put } from '../api.js';
import { fillZones } from '../zones.js';
import { initPage } from '../session.js';
import { h, replace, showError, showMessage, clearErrors, focus, busy, browserZone, formatDate } from '../ui.js';

const DAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];
const form = document.getElementById('availability-form');
const weeklyBox = document.getElementById('weekly');
const overridesBox = document.getElementById('overrides');
const errorBox = document.getElementById('availability-error');
const messageBox = document.getElementById('availability-message');
let counter = 0;

function dayName(day) {
  // 2024-01-01 was a Monday
  const date = new Date(2024, 0, 1 + DAYS.indexOf(day));
  return new Intl.DateTimeFormat(undefined, { weekday: 'long' }).format(date);
}

/** One start–end row; `label` names the interval for screen readers. */
function intervalRow(label, interval = { start: '09:00', end: '17:00' }) {
  counter += 1;
  const startId = `start-${counter}`;
  const endId = `end-${counter}`;
  const row = h('div', { class: 'inline-form row interval', 'data-testid': 'interval' },
    h('div', { class: 'field' }, h('label', { for: startId }, 'From'),
      h('input', { type: 'time', id: startId, class: 'start', value: interval.start, required: true, step: '300', 'aria-description': label })),
    h('div', { class: 'field' }, h('label', { for: endId }, 'To'),
      h('input', { type: 'time', id: endId, class: 'end', value: interval.end === '24:00' ? '23:59' : interval.end, required: true, step: '300', 'aria-description': label })),
    h('button', { type: 'button', class: 'button button-secondary', 'data-testid': 'remove-interval', 'aria-label': `Remove these hours (${label})`,
      on: { click: () => { const list = row.parentElement; row.remove(); list.dispatchEvent(new Event('changed')); } } }, 'Remove'),
    h('p', { class: 'field-error error-row', hidden: true }));
  return row;
}

function dayFieldset(day, intervals) {
  const name = dayName(day);
  const list = h('div', { class: 'intervals' });
  const empty = h('p', { class: 'none' }, 'Not available');
  const sync = () => { empty.hidden = list.children.length > 0; };
  list.addEventListener('changed', sync);
  intervals.forEach((interval) => list.append(intervalRow(name, interval)));
  sync();
  return h('fieldset', { 'data-day': day, 'data-testid': `day-${day}` },
    h('legend', {}, name),
    list, empty,
    h('button', { type: 'button', class: 'link-button', 'data-testid': `add-hours-${day}`, on: { click: () => {
      const row = intervalRow(name, list.lastElementChild
        ? { start: list.lastElementChild.querySelector('.end').value, end: '17:00' } : undefined);
      list.append(row);
      sync();
      row.querySelector('input').focus();
    } } }, `Add hours on ${name}`));
}

function overrideFieldset(override = { date: '', intervals: [] }) {
  counter += 1;
  const dateId = `override-date-${counter}`;
  const list = h('div', { class: 'intervals' });
  const label = () => (fieldset.querySelector('input[type=date]').value || 'this date');
  const dayOff = h('p', { class: 'none' }, 'Day off (no hours)');
  const sync = () => { dayOff.hidden = list.children.length > 0; };
  list.addEventListener('changed', sync);
  const fieldset = h('fieldset', { class: 'override', 'data-testid': 'override' },
    h('legend', {}, override.date ? formatDate(`${override.date}T12:00:00`) : 'New date'),
    h('div', { class: 'field' },
      h('label', { for: dateId }, 'Date'),
      h('input', { type: 'date', id: dateId, class: 'date', value: override.date, required: true, 'data-testid': 'override-date' })),
    list, dayOff,
    h('div', { class: 'button-row' },
      h('button', { type: 'button', class: 'link-button', on: { click: () => {
        const row = intervalRow(label());
        list.append(row);
        sync();
        row.querySelector('input').focus();
      } } }, 'Add special hours on this date'),
      h('button', { type: 'button', class: 'button button-secondary', 'data-testid': 'remove-override', on: { click: () => {
        fieldset.remove();
        document.getElementById('add-day-off').focus();
      } } }, 'Remove this date')),
    h('p', { class: 'field-error error-override', hidden: true }));
  override.intervals.forEach((interval) => list.append(intervalRow(override.date, interval)));
  sync();
  return fieldset;
}

/** Names the inputs by their place in the request, and returns the request. */
function collect() {
  const weekly = [];
  for (const fieldset of weeklyBox.querySelectorAll('fieldset[data-day]')) {
    for (const row of fieldset.querySelectorAll('.interval')) {
      const path = `weekly[${weekly.length}]`;
      row.querySelector('.start').name = `${path}.start`;
      row.querySelector('.end').name = `${path}.end`;
      row.querySelector('.error-row').dataset.errorFor = path;
      weekly.push({ day: fieldset.dataset.day, start: row.querySelector('.start').value, end: endValue(row) });
    }
  }
  const overrides = [];
  for (const fieldset of overridesBox.querySelectorAll('fieldset.override')) {
    const path = `overrides[${overrides.length}]`;
    fieldset.querySelector('.date').name = `${path}.date`;
    fieldset.querySelector('.error-override').dataset.errorFor = path;
    const intervals = [];
    for (const row of fieldset.querySelectorAll('.interval')) {
      const intervalPath = `${path}.intervals[${intervals.length}]`;
      row.querySelector('.start').name = `${intervalPath}.start`;
      row.querySelector('.end').name = `${intervalPath}.end`;
      row.querySelector('.error-row').dataset.errorFor = intervalPath;
      intervals.push({ start: row.querySelector('.start').value, end: endValue(row) });
    }
    overrides.push({ date: fieldset.querySelector('.date').value || null, intervals });
  }
  return { timeZone: form.elements.timeZone.value, weekly, overrides };
}

/** 23:59 in the picker means "until midnight" (the API writes it 24:00). */
function endValue(row) {
  const value = row.querySelector('.end').value;
  return value === '23:59' ? '24:00' : value;
}

function render(availability) {
  fillZones(form.elements.timeZone, availability.timeZone || browserZone());
  replace(weeklyBox, DAYS.map((day) => dayFieldset(day, (availability.weekly || []).filter((entry) => entry.day === day))));
  replace(overridesBox, [...(availability.overrides || [])]
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((override) => overrideFieldset(override)));
}

const user = await initPage({ title: 'Availability', roles: ['therapist'] });
if (user) {
  document.getElementById('add-day-off').addEventListener('click', () => {
    const fieldset = overrideFieldset();
    overridesBox.append(fieldset);
    fieldset.querySelector('input[type=date]').focus();
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    messageBox.hidden = true;
    errorBox.hidden = true;
    clearErrors(form);
    await busy(form.querySelector('[type=submit]'), async () => {
      try {
        const saved = await put('/api/therapists/me/availability', collect());
        render(saved);
        focus(showMessage(messageBox, 'Your availability is saved. Clients see the new free times right away.'));
      } catch (error) {
        showError(errorBox, error, { form, focusMessage: true });
      }
    }, 'Saving…');
  });
  try {
    render(await get('/api/therapists/me/availability'));
  } catch (error) {
    if (error.status === 404) {
      render({ timeZone: browserZone(), weekly: [], overrides: [] });
      showMessage(messageBox, 'You have no availability yet. Add your weekly hours and save. (Create your profile first if you have not.)', 'info');
    } else {
      showError(errorBox, error);
    }
  } finally {
    form.setAttribute('aria-busy', 'false');
  }
}
