package org.mutuality.gateway.ratelimit;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import reactor.core.publisher.Mono;

/**
 * Token buckets in this instance's memory, with the same arithmetic as Spring Cloud Gateway's Redis
 * script (so a limit means the same in both stores). Buckets that have refilled completely carry no
 * information and are swept now and then, so the map stays as small as the set of recent callers.
 */
final class InMemoryRateLimitStore implements RateLimitStore {

	private static final int SWEEP_EVERY = 10_000;

	private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

	private final AtomicLong calls = new AtomicLong();

	private final LongSupplier nanoTime;

	InMemoryRateLimitStore() {
		this(System::nanoTime);
	}

	InMemoryRateLimitStore(LongSupplier nanoTime) {
		this.nanoTime = nanoTime;
	}

	@Override
	public Mono<Decision> take(String key, RateLimitProperties.Limit limit) {
		return Mono.fromSupplier(() -> takeNow(key, limit));
	}

	Decision takeNow(String key, RateLimitProperties.Limit limit) {
		long now = this.nanoTime.getAsLong();
		if (this.calls.incrementAndGet() % SWEEP_EVERY == 0) {
			sweep(now);
		}
		Decision[] decision = new Decision[1];
		this.buckets.compute(key, (ignored, bucket) -> {
			Bucket current = (bucket != null) ? bucket.refilled(now) : Bucket.full(limit, now);
			if (current.tokens >= limit.requestedTokens()) {
				decision[0] = Decision.ALLOWED;
				return current.minus(limit.requestedTokens());
			}
			decision[0] = Decision.refused(limit.requestedTokens() - current.tokens, limit.replenishRate());
			return current;
		});
		return decision[0];
	}

	int size() {
		return this.buckets.size();
	}

	private void sweep(long now) {
		this.buckets.values().removeIf((bucket) -> bucket.refilled(now).isFull());
	}

	private record Bucket(RateLimitProperties.Limit limit, double tokens, long updatedAt) {

		static Bucket full(RateLimitProperties.Limit limit, long now) {
			return new Bucket(limit, limit.burstCapacity(), now);
		}

		Bucket refilled(long now) {
			double elapsedSeconds = Math.max(0, now - this.updatedAt) / 1_000_000_000.0;
			double refilled = Math.min(this.limit.burstCapacity(), this.tokens + elapsedSeconds * this.limit.replenishRate());
			return new Bucket(this.limit, refilled, now);
		}

		Bucket minus(int requested) {
			return new Bucket(this.limit, this.tokens - requested, this.updatedAt);
		}

		boolean isFull() {
			return this.tokens >= this.limit.burstCapacity();
		}

	}

}
