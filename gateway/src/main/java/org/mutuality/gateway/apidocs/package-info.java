/**
 * The platform's API document: Swagger UI at the gateway over each service's OpenAPI description.
 */
package org.mutuality.gateway.apidocs;
