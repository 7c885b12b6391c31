package org.mutuality.gateway.ratelimit;

import reactor.core.publisher.Mono;

/** Where the token buckets live: this instance's memory, or Redis shared by all instances. */
interface RateLimitStore {

	/** Takes one request's tokens from the bucket {@code key} of the given limit. */
	Mono<Decision> take(String key, RateLimitProperties.Limit limit);

	/**
	 * @param allowed whether the request may pass
	 * @param retryAfterSeconds when it is refused, how long until it would pass
	 */
	record Decision(boolean allowed, long retryAfterSeconds) {

		static final Decision ALLOWED = new Decision(true, 0);

		static Decision refused(double missingTokens, double tokensPerSecond) {
			return new Decision(false, Math.max(1, (long) Math.ceil(missingTokens / tokensPerSecond)));
		}

	}

}
