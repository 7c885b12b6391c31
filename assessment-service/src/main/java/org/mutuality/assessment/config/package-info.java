/**
 * Cross-cutting configuration of the assessment service: security rules, the instrument registry, the clock.
 */
package org.mutuality.assessment.config;
