/**
 * The dev stack's demo data: profiles with weekday availability for the demo therapists.
 */
package org.mutuality.booking.demo;
