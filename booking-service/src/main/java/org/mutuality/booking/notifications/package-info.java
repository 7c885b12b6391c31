/**
 * Email notifications: booking confirmations, reschedules, cancellations and reminders with
 * calendar invitations, and invitations to book, queued in the database and delivered by a sender.
 */
package org.mutuality.booking.notifications;
