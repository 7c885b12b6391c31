package org.mutuality.gateway.ratelimit;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InMemoryRateLimitStoreTests {

	final AtomicLong now = new AtomicLong();

	final InMemoryRateLimitStore store = new InMemoryRateLimitStore(this.now::get);

	@Test
	void allowsTheBurstThenRefusesWithTheTimeUntilTheNextToken() {
		RateLimitProperties.Limit limit = new RateLimitProperties.Limit(10, Duration.ofMinutes(1), 5);
		for (int i = 0; i < 5; i++) {
			assertThat(this.store.takeNow("strict:user:a", limit).allowed()).isTrue();
		}
		RateLimitStore.Decision refused = this.store.takeNow("strict:user:a", limit);
		assertThat(refused.allowed()).isFalse();
		assertThat(refused.retryAfterSeconds()).isEqualTo(6);
		this.now.addAndGet(Duration.ofSeconds(6).toNanos());
		assertThat(this.store.takeNow("strict:user:a", limit).allowed()).isTrue();
		assertThat(this.store.takeNow("strict:user:a", limit).allowed()).isFalse();
	}

	@Test
	void keepsOneBucketPerKey() {
		RateLimitProperties.Limit limit = new RateLimitProperties.Limit(1, Duration.ofSeconds(1), 1);
		assertThat(this.store.takeNow("standard:user:a", limit).allowed()).isTrue();
		assertThat(this.store.takeNow("standard:user:a", limit).allowed()).isFalse();
		assertThat(this.store.takeNow("standard:user:b", limit).allowed()).isTrue();
		assertThat(this.store.takeNow("standard:ip:127.0.0.1", limit).allowed()).isTrue();
	}

	@Test
	void translatesLimitsToTheRedisScriptsIntegerTokens() {
		RateLimitProperties.Limit perMinute = new RateLimitProperties.Limit(10, Duration.ofMinutes(1), 5);
		assertThat(perMinute.requestedTokens()).isEqualTo(60);
		assertThat(perMinute.replenishRate()).isEqualTo(10);
		assertThat(perMinute.burstCapacity()).isEqualTo(300);
		RateLimitProperties.Limit perSecond = new RateLimitProperties.Limit(20, Duration.ofSeconds(1), 40);
		assertThat(perSecond.requestedTokens()).isEqualTo(1);
		assertThat(perSecond.replenishRate()).isEqualTo(20);
		assertThat(perSecond.burstCapacity()).isEqualTo(40);
	}

}
