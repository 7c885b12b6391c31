/**
 * Whether the gateway shares its state (sessions, rate-limit buckets) through Redis or keeps it in memory.
 */
package org.mutuality.gateway.redis;
