package org.mutuality.assessment.outbox;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.kafka.common.header.Headers;

/**
 * The W3C trace context ({@code traceparent} and {@code tracestate}) of the span that queued an event, kept with the
 * outbox row and put on the Kafka record, so that a consumer continues the trace of the request that caused the
 * event. Either value may be {@code null}: no span was current, or tracing is off. A {@code tracestate} longer than
 * its column ({@value #MAX_TRACESTATE_LENGTH} characters, the length W3C Trace Context asks every system to pass on)
 * keeps its first list members that fit, as the specification allows: a caller's long trace state must never fail
 * the submission the event belongs to.
 */
record TraceContextHeaders(String traceparent, String tracestate) {

	static final int MAX_TRACESTATE_LENGTH = 512;

	static final String TRACEPARENT = "traceparent";

	static final String TRACESTATE = "tracestate";

	static final TraceContextHeaders NONE = new TraceContextHeaders(null, null);

	TraceContextHeaders {
		tracestate = fitting(tracestate);
	}

	/** The trace state, or as many of its first members as fit in {@value #MAX_TRACESTATE_LENGTH} characters. */
	static String fitting(String tracestate) {
		if (tracestate == null || tracestate.length() <= MAX_TRACESTATE_LENGTH) {
			return tracestate;
		}
		StringBuilder kept = new StringBuilder();
		for (String member : tracestate.split(",")) {
			String trimmed = member.strip();
			int length = kept.isEmpty() ? trimmed.length() : kept.length() + 1 + trimmed.length();
			if (trimmed.isEmpty() || length > MAX_TRACESTATE_LENGTH) {
				continue;
			}
			if (!kept.isEmpty()) {
				kept.append(',');
			}
			kept.append(trimmed);
		}
		return kept.isEmpty() ? null : kept.toString();
	}

	/** The current span's context as the configured propagator writes it, or {@link #NONE}. */
	static TraceContextHeaders current(Tracer tracer, Propagator propagator) {
		if (tracer == null || propagator == null) {
			return NONE;
		}
		TraceContext context = tracer.currentTraceContext().context();
		if (context == null) {
			return NONE;
		}
		Map<String, String> carrier = new HashMap<>();
		propagator.inject(context, carrier, Map::put);
		return new TraceContextHeaders(carrier.get(TRACEPARENT), carrier.get(TRACESTATE));
	}

	/** Adds the values that are present as record headers. */
	void addTo(Headers headers) {
		if (this.traceparent != null) {
			headers.remove(TRACEPARENT).add(TRACEPARENT, this.traceparent.getBytes(StandardCharsets.UTF_8));
		}
		if (this.tracestate != null && !this.tracestate.isEmpty()) {
			headers.remove(TRACESTATE).add(TRACESTATE, this.tracestate.getBytes(StandardCharsets.UTF_8));
		}
	}

}
