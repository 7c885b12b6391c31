/**
 * A therapist's availability rules and their expansion into free consultation slots, pure
 * {@code java.time} logic with no Spring and no I/O.
 */
package org.mutuality.booking.slots;
