/**
 * Timeouts, circuit breakers and retries of the routes, so a slow or stopped service costs callers little.
 */
package org.mutuality.gateway.resilience;
