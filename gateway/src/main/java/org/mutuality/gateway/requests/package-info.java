/**
 * What the gateway does to every request before routing it: a request id, and a bound on its size.
 */
package org.mutuality.gateway.requests;
