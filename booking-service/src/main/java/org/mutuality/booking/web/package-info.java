/**
 * The web conventions booking-service's controllers share: the paged list answer of API.md.
 */
package org.mutuality.booking.web;
