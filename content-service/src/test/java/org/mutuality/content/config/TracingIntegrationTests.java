package org.mutuality.content.config;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.junit.jupiter.api.Test;
import org.mutuality.content.support.ContentIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A request that arrives with a W3C {@code traceparent} (as the gateway sends it) is served in a child span of the
 * same trace, and spans reach the configured exporters; without an OTLP endpoint there is no OTLP exporter.
 */
@Import(TracingIntegrationTests.Recording.class)
@TestPropertySource(properties = "management.opentelemetry.tracing.export.schedule-delay=100ms")
class TracingIntegrationTests extends ContentIntegrationTest {

	private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

	private static final String CALLER_SPAN_ID = "00f067aa0ba902b7";

	@Autowired
	private RecordingSpanExporter spans;

	@Autowired
	private ApplicationContext context;

	@Test
	void continuesTheCallersTraceFromItsTraceparentHeader() {
		assertThat(this.mvc.get()
			.uri("/api/topics")
			.header("traceparent", "00-" + TRACE_ID + "-" + CALLER_SPAN_ID + "-01")
			.exchange()).hasStatusOk();

		SpanData server = await().atMost(Duration.ofSeconds(30))
			.until(() -> this.spans.find(TRACE_ID, "http get /api/topics"), (found) -> found != null);
		assertThat(server.getParentSpanId()).isEqualTo(CALLER_SPAN_ID);
		assertThat(server.getSpanId()).isNotEqualTo(CALLER_SPAN_ID);
	}

	@Test
	void exportsNoSpansOverOtlpWithoutAnEndpoint() {
		assertThat(this.context.getBeanNamesForType(OtlpHttpSpanExporter.class)).isEmpty();
		assertThat(this.context.getBeanNamesForType(SpanExporter.class)).hasSize(1);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Recording {

		@Bean
		RecordingSpanExporter recordingSpanExporter() {
			return new RecordingSpanExporter();
		}

	}

	/** Keeps every exported span, for the tests to look at. */
	static class RecordingSpanExporter implements SpanExporter {

		private final List<SpanData> spans = new CopyOnWriteArrayList<>();

		SpanData find(String traceId, String name) {
			return this.spans.stream()
				.filter((span) -> span.getTraceId().equals(traceId) && span.getName().equals(name))
				.findFirst()
				.orElse(null);
		}

		@Override
		public CompletableResultCode export(Collection<SpanData> batch) {
			this.spans.addAll(batch);
			return CompletableResultCode.ofSuccess();
		}

		@Override
		public CompletableResultCode flush() {
			return CompletableResultCode.ofSuccess();
		}

		@Override
		public CompletableResultCode shutdown() {
			return CompletableResultCode.ofSuccess();
		}

	}

}
