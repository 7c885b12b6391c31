/**
 * Reading a service's OpenAPI description in tests.
 */
package org.mutuality.platform.test.openapi;
