package org.mutuality.platform.test.benchmark;

import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;

/**
 * The times a benchmark measured, taken in nanoseconds and answered in milliseconds: the count,
 * nearest-rank percentiles (the time at rank {@code ceil(q * n)} of the sorted times, so always one
 * that was measured), the maximum, and the two forms the benchmarks print, a Markdown table and a
 * one-line summary. Immutable.
 */
public final class Latencies {

	private final long[] sorted;

	private Latencies(long[] sorted) {
		this.sorted = sorted;
	}

	/** The given times in nanoseconds, in any order; {@link ServiceTime#stop()}'s can be passed as they are. */
	public static Latencies of(long... nanos) {
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		return new Latencies(sorted);
	}

	/** The given times in nanoseconds, in any order. */
	public static Latencies of(Collection<Long> nanos) {
		return of(nanos.stream().mapToLong(Long::longValue).toArray());
	}

	/** These times and the other's, as one sample. */
	public Latencies plus(Latencies other) {
		long[] all = Arrays.copyOf(this.sorted, this.sorted.length + other.sorted.length);
		System.arraycopy(other.sorted, 0, all, this.sorted.length, other.sorted.length);
		Arrays.sort(all);
		return new Latencies(all);
	}

	public int count() {
		return this.sorted.length;
	}

	/**
	 * The nearest-rank percentile in milliseconds: the smallest measured time that at least the
	 * fraction {@code q} of the times do not exceed.
	 * @param q above 0 and at most 1, such as {@code 0.99} for p99
	 */
	public double percentile(double q) {
		if (!(q > 0 && q <= 1)) {
			throw new IllegalArgumentException("A percentile's fraction is above 0 and at most 1, not " + q);
		}
		return millis((int) Math.ceil(q * this.sorted.length) - 1);
	}

	/** The longest time in milliseconds. */
	public double max() {
		return millis(this.sorted.length - 1);
	}

	/** A Markdown table, header and one row: n, p50, p90, p99 and max in milliseconds to a tenth. */
	public String markdownTable() {
		return "| n | p50 | p90 | p99 | max |\n|---|---|---|---|---|\n"
				+ format("| %d | %.1f ms | %.1f ms | %.1f ms | %.1f ms |\n");
	}

	/** One line, such as {@code n=2000: p50 1.2 ms, p90 1.8 ms, p99 3.1 ms, max 9.4 ms}. */
	public String summary() {
		return format("n=%d: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms");
	}

	private String format(String pattern) {
		return String.format(Locale.ROOT, pattern, count(), percentile(0.50), percentile(0.90), percentile(0.99),
				max());
	}

	private double millis(int index) {
		if (this.sorted.length == 0) {
			throw new IllegalStateException("No times were measured");
		}
		return this.sorted[index] / 1e6;
	}

}
