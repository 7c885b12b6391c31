package org.mutuality.platform.test.benchmark;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.Ordered;

/**
 * A benchmark's clock at the service: a servlet filter ahead of all others that times the chosen
 * requests, from the first filter to the last, while it records. Benchmarks declare it as a bean
 * (Spring Boot registers a {@code Filter} bean for every path), warm up, then {@link #start()} and
 * {@link #stop()} around the measured requests. Micrometer's {@code http.server.requests}
 * percentiles cannot serve here: they cover a decaying window that also holds the warm-up.
 */
public final class ServiceTime implements Filter, Ordered {

	private final Predicate<HttpServletRequest> timed;

	private final List<Long> nanos = new ArrayList<>();

	private volatile boolean recording;

	/**
	 * @param timed which requests to time, such as {@code (request) -> "POST".equals(request.getMethod())}
	 */
	public ServiceTime(Predicate<HttpServletRequest> timed) {
		this.timed = timed;
	}

	/** Forgets what was recorded and records from now on. */
	public void start() {
		synchronized (this.nanos) {
			this.nanos.clear();
		}
		this.recording = true;
	}

	/** Stops recording; answers the recorded times in nanoseconds, sorted. */
	public long[] stop() {
		this.recording = false;
		long[] sorted;
		synchronized (this.nanos) {
			sorted = this.nanos.stream().mapToLong(Long::longValue).toArray();
		}
		Arrays.sort(sorted);
		return sorted;
	}

	@Override
	public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		if (!this.recording || !(request instanceof HttpServletRequest http) || !this.timed.test(http)) {
			chain.doFilter(request, response);
			return;
		}
		long start = System.nanoTime();
		try {
			chain.doFilter(request, response);
		}
		finally {
			long took = System.nanoTime() - start;
			synchronized (this.nanos) {
				this.nanos.add(took);
			}
		}
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
