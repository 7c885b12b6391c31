/**
 * Scheduled publishing: due articles go live on time with no traffic, exactly once however many instances run.
 */
package org.mutuality.content.publishing;
