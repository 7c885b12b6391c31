/*
 * therapist-profile.js — the therapist's own profile (GET/PUT /api/therapists/me): what clients
 * see (name, bio, specialties, languages) and the booking rules (length, buffer, notice, horizon).
 */
import { get, put } from '../api.js';
import { initPage } from '../session.js';
import { showError, showMessage, clearErrors, focus, busy } from '../ui.js';
import { fillZones } from '../zones.js';

const form = document.getElementById('profile-form');
const errorBox = document.getElementById('profile-error');
const messageBox = document.getElementById('profile-message');
const NUMBERS = ['consultationMinutes', 'bufferMinutes', 'minimumNoticeHours', 'horizonDays'];

function fill(profile) {
  form.elements.displayName.value = profile.displayName || '';
  form.elements.bio.value = profile.bio || '';
  form.elements.specialties.value = (profile.specialties || []).join(', ');
  form.elements.languages.value = (profile.languages || []).join(', ');
  fillZones(form.elements.timeZone, profile.timeZone);
  for (const name of NUMBERS) {
    form.elements[name].value = profile[name] ?? '';
  }
}

function list(value) {
  return value.split(',').map((entry) => entry.trim()).filter(Boolean);
}

function collect() {
  const body = {
    displayName: form.elements.displayName.value.trim(),
    bio: form.elements.bio.value.trim() || null,
    specialties: list(form.elements.specialties.value),
    languages: list(form.elements.languages.value),
    timeZone: form.elements.timeZone.value,
  };
  for (const name of NUMBERS) {
    const value = form.elements[name].value;
    body[name] = value === '' ? null : Number(value);
  }
  return body;
}

const user = await initPage({ title: 'Profile', roles: ['therapist'] });
if (user) {
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    messageBox.hidden = true;
    errorBox.hidden = true;
    clearErrors(form);
    await busy(form.querySelector('[type=submit]'), async () => {
      try {
        fill(await put('/api/therapists/me', collect()));
        focus(showMessage(messageBox, 'Your profile is saved.'));
      } catch (error) {
        showError(errorBox, error, { form });
      }
    }, 'Saving…');
  });
  try {
    fill(await get('/api/therapists/me'));
  } catch (error) {
    if (error.status === 404) {
      fill({ displayName: user.name || '', consultationMinutes: 30, bufferMinutes: 0, minimumNoticeHours: 12, horizonDays: 60 });
      showMessage(messageBox, 'You have no profile yet: fill it in and save to start taking bookings.', 'info');
    } else {
      showError(errorBox, error);
    }
  } finally {
    form.setAttribute('aria-busy', 'false');
  }
}
