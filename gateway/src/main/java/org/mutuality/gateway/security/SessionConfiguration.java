package org.mutuality.gateway.security;

import org.mutuality.gateway.redis.ConditionalOnRedis;

import org.springframework.context.annotation.Configuration;
import org.springframework.session.data.redis.config.annotation.web.server.EnableRedisWebSession;

/**
 * The browser session: a server-side {@code WebSession} named by an HttpOnly, SameSite=Lax (and
 * normally Secure) {@code SESSION} cookie ({@code server.reactive.session.*} in application.yaml).
 * It lives in Redis when Redis is configured, so that several gateway instances share it (Spring
 * Session), and in this instance's memory otherwise (Spring Boot's default session manager).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnRedis
@EnableRedisWebSession(redisNamespace = SessionConfiguration.REDIS_NAMESPACE)
class SessionConfiguration {

	static final String SESSION_COOKIE = "SESSION";

	static final String REDIS_NAMESPACE = "mutuality:gateway:session";

}
