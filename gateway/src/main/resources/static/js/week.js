/*
 * week.js — a week of days (Monday to Sunday, in the browser's zone) shared by the slot picker and
 * the therapist's calendar: the heading text and one <section> per day, filled by the caller.
 */
import { h, isoDate, addDays, formatDate } from './ui.js';

/** "23 – 29 November 2026" style label for the week starting at monday. */
export function weekLabel(monday) {
  const sunday = addDays(monday, 6);
  try {
    return new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'long', year: 'numeric' }).formatRange(monday, sunday);
  } catch {
    return `${formatDate(monday)} – ${formatDate(sunday)}`;
  }
}

/**
 * Renders the week: render(day, date) returns the content of each day. Days are sections headed by
 * their date, so screen-reader users can jump between them.
 */
export function weekGrid(monday, render) {
  const today = isoDate(new Date());
  return h('div', { class: 'week' }, Array.from({ length: 7 }, (_, index) => {
    const date = addDays(monday, index);
    const iso = isoDate(date);
    const id = `day-${iso}`;
    return h('section', { class: iso === today ? 'day today' : 'day', 'aria-labelledby': id, 'data-date': iso },
      h('h3', { id }, new Intl.DateTimeFormat(undefined, { weekday: 'long', day: 'numeric', month: 'short' }).format(date),
        iso === today ? ' · Today' : null),
      render(iso, date));
  }));
}
