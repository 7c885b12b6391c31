/**
 * The gateway: the single entry point that routes, checks tokens and answers errors as problem+json.
 */
package org.mutuality.gateway;
