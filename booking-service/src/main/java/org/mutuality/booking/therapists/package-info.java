/**
 * Therapists' public profiles and booking settings, and the demo profiles of the dev stack.
 */
package org.mutuality.booking.therapists;
