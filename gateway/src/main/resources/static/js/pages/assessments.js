/*
 * assessments.js — the list of self-assessments, each with its length and a link to take it.
 */
import { get } from '../api.js';
import { initPage } from '../session.js';
import { h, replace, showError } from '../ui.js';

const list = document.getElementById('assessments');

initPage({ title: 'Self-assessments' });
try {
  const assessments = await get('/api/assessments');
  replace(list, h('ul', { class: 'cards' }, assessments.map((assessment) => h('li', {
    class: 'card', 'data-testid': 'assessment-card', 'data-assessment-id': assessment.id,
  },
  h('h2', {}, assessment.title),
  h('p', { class: 'meta' }, `${assessment.itemCount} questions · about ${assessment.estimatedMinutes} minute${assessment.estimatedMinutes === 1 ? '' : 's'}`),
  h('p', {}, assessment.summary),
  h('p', { class: 'actions' }, h('a', {
    class: 'button', href: `/assessment.html?id=${encodeURIComponent(assessment.id)}`,
    'data-testid': `take-${assessment.id}`, 'aria-label': `Take ${assessment.title}`,
  }, 'Take this assessment'))))));
} catch (error) {
  replace(list);
  showError(document.getElementById('assessments-error'), error);
} finally {
  list.setAttribute('aria-busy', 'false');
}
