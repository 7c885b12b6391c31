/**
 * Cross-cutting beans of booking-service: security rules, the clock and typed configuration.
 */
package org.mutuality.booking.config;
