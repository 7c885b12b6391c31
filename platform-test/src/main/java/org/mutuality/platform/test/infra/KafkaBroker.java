package org.mutuality.platform.test.infra;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Points the annotated Spring test's application context at the JVM's Kafka broker ({@link Infrastructure#kafka()}):
 * sets {@code spring.kafka.bootstrap-servers} and registers the
 * {@link org.mutuality.platform.test.infra.kafka.KafkaServer} as a bean, so a test can stop and start it. The broker
 * is shared by every test in the JVM: use topic and group names of your own, and start it again if you stop it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface KafkaBroker {

}
