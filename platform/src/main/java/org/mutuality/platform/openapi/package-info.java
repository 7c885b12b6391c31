/**
 * What every service's OpenAPI description shares: the bearer scheme and the problem+json errors.
 */
package org.mutuality.platform.openapi;
