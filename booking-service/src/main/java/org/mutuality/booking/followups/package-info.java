/**
 * Follow-ups: the invitations to book that completed assessments create, the therapists' queue,
 * claiming and closing them, and a client's own.
 */
package org.mutuality.booking.followups;
