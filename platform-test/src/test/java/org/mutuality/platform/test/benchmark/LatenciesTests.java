package org.mutuality.platform.test.benchmark;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class LatenciesTests {

	private static final long MS = 1_000_000;

	@Test
	void answersNearestRankPercentilesInMilliseconds() {
		Latencies latencies = Latencies.of(7 * MS, 3 * MS, 10 * MS, 1 * MS, 5 * MS, 9 * MS, 2 * MS, 8 * MS, 4 * MS, 6 * MS);
		assertThat(latencies.count()).isEqualTo(10);
		assertThat(latencies.percentile(0.50)).isEqualTo(5.0);
		assertThat(latencies.percentile(0.90)).isEqualTo(9.0);
		assertThat(latencies.percentile(0.91)).isEqualTo(10.0);
		assertThat(latencies.percentile(0.99)).isEqualTo(10.0);
		assertThat(latencies.max()).isEqualTo(10.0);
	}

	@Test
	void answersTheOnlyTimeForEveryPercentileOfOne() {
		Latencies latencies = Latencies.of(List.of(1_500_000L));
		assertThat(latencies.percentile(0.01)).isEqualTo(1.5);
		assertThat(latencies.percentile(1.0)).isEqualTo(1.5);
		assertThat(latencies.max()).isEqualTo(1.5);
	}

	@Test
	void keepsItsOwnCopyOfTheTimes() {
		long[] nanos = { 2 * MS, 1 * MS };
		Latencies latencies = Latencies.of(nanos);
		nanos[0] = 100 * MS;
		assertThat(latencies.max()).isEqualTo(2.0);
	}

	@Test
	void mergesTwoSamples() {
		Latencies merged = Latencies.of(4 * MS, 1 * MS).plus(Latencies.of(3 * MS, 2 * MS));
		assertThat(merged.count()).isEqualTo(4);
		assertThat(merged.percentile(0.50)).isEqualTo(2.0);
		assertThat(merged.max()).isEqualTo(4.0);
	}

	@Test
	void rendersAMarkdownTable() {
		assertThat(Latencies.of(1_240_000, 2_060_000, 3_960_000).markdownTable())
			.isEqualTo("| n | p50 | p90 | p99 | max |\n|---|---|---|---|---|\n| 3 | 2.1 ms | 4.0 ms | 4.0 ms | 4.0 ms |\n");
	}

	@Test
	void rendersAOneLineSummary() {
		assertThat(Latencies.of(1_240_000, 2_060_000, 3_960_000).summary())
			.isEqualTo("n=3: p50 2.1 ms, p90 4.0 ms, p99 4.0 ms, max 4.0 ms");
	}

	@Test
	void rejectsAFractionOutsideZeroToOne() {
		Latencies latencies = Latencies.of(MS);
		assertThatIllegalArgumentException().isThrownBy(() -> latencies.percentile(0));
		assertThatIllegalArgumentException().isThrownBy(() -> latencies.percentile(99));
	}

	@Test
	void hasNoPercentileWithoutTimes() {
		Latencies none = Latencies.of();
		assertThat(none.count()).isZero();
		assertThatIllegalStateException().isThrownBy(() -> none.percentile(0.5));
		assertThatIllegalStateException().isThrownBy(none::max);
	}

}
