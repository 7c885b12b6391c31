/**
 * Cross-cutting configuration of content-service: security rules, the clock, typed properties.
 */
package org.mutuality.content.config;
