/**
 * The transactional outbox: events written in the transaction of what they announce, and the relay
 * that publishes them to Kafka as CloudEvents and marks them sent.
 */
package org.mutuality.assessment.outbox;
