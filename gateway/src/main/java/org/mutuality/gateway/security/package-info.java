/**
 * Token checks at the edge: a bearer token, when present, must be valid; the services decide the rest.
 */
package org.mutuality.gateway.security;
