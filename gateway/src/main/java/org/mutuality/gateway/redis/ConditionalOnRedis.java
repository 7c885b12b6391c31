package org.mutuality.gateway.redis;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Conditional;

/**
 * Applies a bean or configuration only when a Redis server is configured with Spring Boot's standard
 * keys ({@code spring.data.redis.host}, {@code .url}, {@code .sentinel.master} or
 * {@code .cluster.nodes}, or their {@code SPRING_DATA_REDIS_*} environment forms). Without one the
 * gateway keeps sessions and rate-limit buckets in memory, which suits a single instance; with one,
 * several instances share both.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(RedisConfiguredCondition.class)
public @interface ConditionalOnRedis {

	/** {@code false} to apply the annotated element only when Redis is not configured. */
	boolean value() default true;

}
