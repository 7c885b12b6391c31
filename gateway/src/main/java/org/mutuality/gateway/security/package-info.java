/**
 * The edge's security: bearer tokens for API clients, browser login with a server-side session for the web UI.
 */
package org.mutuality.gateway.security;
