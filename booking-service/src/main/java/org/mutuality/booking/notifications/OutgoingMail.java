package org.mutuality.booking.notifications;

/**
 * One rendered email to one recipient.
 *
 * @param recipient the address
 * @param subject the subject
 * @param text the plain-text part
 * @param html the HTML part, every value in it escaped
 * @param ics the calendar invitation attached, or {@code null}
 * @param icsMethod its iTIP method ({@code REQUEST} or {@code CANCEL}), or {@code null}
 */
record OutgoingMail(String recipient, String subject, String text, String html, String ics, String icsMethod) {

}
