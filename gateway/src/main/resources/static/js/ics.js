/*
 * ics.js — a one-event iCalendar (RFC 5545) file made in the browser for a client's booking, so it
 * can be added to a calendar app. (booking-service offers .ics only for therapists' calendars.)
 */

function stamp(value) {
  return new Date(value).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

function escape(text) {
  return String(text).replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** The calendar text for a booking ({id, start, end}) with a therapist's display name. */
export function bookingIcs(booking, therapistName) {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Mutuality//Web UI//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${booking.id}@mutuality`,
    `DTSTAMP:${stamp(new Date())}`,
    `DTSTART:${stamp(booking.start)}`,
    `DTEND:${stamp(booking.end)}`,
    `SUMMARY:${escape(`Free consultation${therapistName ? ` with ${therapistName}` : ''}`)}`,
    `DESCRIPTION:${escape(`Your free consultation. See or change it at ${window.location.origin}/booking.html?id=${booking.id}`)}`,
    `URL:${window.location.origin}/booking.html?id=${booking.id}`,
    booking.status === 'CANCELLED' ? 'STATUS:CANCELLED' : 'STATUS:CONFIRMED',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return `${lines.join('\r\n')}\r\n`;
}

/** An object URL for the file (revoke it when the link goes away). */
export function icsUrl(text) {
  return URL.createObjectURL(new Blob([text], { type: 'text/calendar;charset=utf-8' }));
}
