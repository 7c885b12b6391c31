/**
 * Signed test tokens for security tests: a small OpenID provider and the dev realm's demo accounts.
 */
package org.mutuality.platform.test.security;
