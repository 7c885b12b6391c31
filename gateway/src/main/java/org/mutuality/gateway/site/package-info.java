/**
 * The web UI's static site as the gateway serves it: its home page and caching.
 */
package org.mutuality.gateway.site;
