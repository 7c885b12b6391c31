/**
 * {@code Idempotency-Key}s: the first answer of a request, replayed when a client repeats it.
 */
package org.mutuality.platform.idempotency;
