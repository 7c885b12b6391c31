/**
 * Kafka listeners of booking-service: completed assessments become follow-ups.
 */
package org.mutuality.booking.messaging;
