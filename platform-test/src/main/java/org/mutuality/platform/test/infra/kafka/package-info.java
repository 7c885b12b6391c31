/**
 * A Kafka broker for tests and the dev stack: {@link org.mutuality.platform.test.infra.kafka.InJvmKafkaBroker} (the
 * Apache Kafka broker in KRaft mode, inside this JVM) or the official container image, behind
 * {@link org.mutuality.platform.test.infra.kafka.KafkaServer}.
 */
package org.mutuality.platform.test.infra.kafka;
