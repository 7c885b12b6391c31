/**
 * Rate limits per user (per IP address for anonymous callers), answered with problem+json 429s.
 */
package org.mutuality.gateway.ratelimit;
