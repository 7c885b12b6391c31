/**
 * Servlet web conventions shared by the services: problem+json for every error, including Spring's
 * own {@code /error} path, and the request body size limit.
 */
package org.mutuality.platform.web;
