package org.mutuality.gateway.redis;

import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

class RedisConfiguredCondition extends SpringBootCondition {

	private static final String[] KEYS = { "spring.data.redis.host", "spring.data.redis.url",
			"spring.data.redis.sentinel.master", "spring.data.redis.cluster.nodes" };

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		Map<String, Object> attributes = metadata.getAnnotationAttributes(ConditionalOnRedis.class.getName());
		boolean wanted = attributes == null || (boolean) attributes.get("value");
		boolean configured = isConfigured(context.getEnvironment());
		return (configured == wanted) ? ConditionOutcome.match("Redis configured: " + configured)
				: ConditionOutcome.noMatch("Redis configured: " + configured);
	}

	static boolean isConfigured(Environment environment) {
		for (String key : KEYS) {
			if (StringUtils.hasText(environment.getProperty(key))) {
				return true;
			}
		}
		return false;
	}

}
