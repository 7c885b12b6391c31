/**
 * A therapist's availability document (weekly intervals and date overrides in their zone): reading,
 * validating and storing it, and turning a therapist into the rules the slot expansion works with.
 */
package org.mutuality.booking.availability;
