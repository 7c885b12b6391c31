/**
 * The gateway's own errors, answered as problem+json: a service that is down or slow, a body too large.
 */
package org.mutuality.gateway.errors;
