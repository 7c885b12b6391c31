/**
 * The Keycloak adapter: validated Keycloak access tokens become Spring Security authorities and a
 * typed {@link org.mutuality.platform.security.CurrentUser}, for servlet and reactive applications.
 */
package org.mutuality.platform.security;
